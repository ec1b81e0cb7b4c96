using Microsoft.Data.Sqlite;

namespace Bot.Library.Search;

/// <summary>
/// Exact in-memory help for FTS5's AND. FTS5 intersects doclists by stepping through them, so every very common
/// Korean bigram in a query (in 50–80 % of the entries) costs a near-full doclist scan, even when a rare word
/// leaves a handful of candidates. Here each MATCH expression ("atom") in more than <see cref="CommonDf"/>
/// entries gets a bitmap of the entries it matches, read from FTS5 once; the rare atoms are still matched by
/// FTS5 and their (few) rows checked against the bitmaps, and a query of common atoms only is intersected in
/// memory. Capped match counts (document frequencies, title IDFs) are memoised alongside.
/// Everything is keyed by <c>search_generation</c>, which the one writer of both indexes (<c>DigestWriter.WriteIndex</c>)
/// bumps in the same transaction as its index changes: any change to the library drops the cache, so results are
/// exactly FTS5's. The same row holds the number of titles and their total length in tokens (BM25's average title
/// length). A search reads the row and the index in one read transaction.
/// </summary>
internal sealed partial class MatchCache
{
    /// <summary>Atoms matching more entries than this get a bitmap; others are matched by FTS5 (their doclists are short).</summary>
    public const int CommonDf = 2_000;

    /// <summary>Bitmaps are dropped (all of them) beyond this many bytes: 8 MiB is ~670 atoms at 100,000 entries (the 200 benchmark queries build 130).</summary>
    private const long MaxBitmapBytes = 8L * 1024 * 1024;

    /// <summary>Memoised counts are dropped beyond this many (a few MiB at most).</summary>
    private const int MaxCounts = 20_000;

    /// <summary>Memoised row-id lists (short ones: a term's title hits) are dropped beyond this many ids in all (2 MiB).</summary>
    private const int MaxListedRowids = 250_000;

    private readonly Lock _gate = new();
    private readonly int _commonDf;
    private Snapshot? _current;

    /// <summary>A cache giving bitmaps to atoms in more than <paramref name="commonDf"/> entries (tests use small values).</summary>
    public MatchCache(int commonDf = CommonDf)
    {
        _commonDf = commonDf;
    }

    /// <summary>The cache for the library state <paramref name="connection"/> reads (call inside the search's read transaction).</summary>
    public View Open(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value, titles, title_tokens FROM search_generation WHERE id = 1";
        using var reader = command.ExecuteReader();
        var (version, titles, tokens) = reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)) : (-1L, 0L, 0L);
        lock (_gate)
        {
            if (_current is null || _current.Version != version)
            {
                _current = new Snapshot(version, titles, titles > 0 ? Math.Max(1.0, (double)tokens / titles) : 1.0);
            }

            return new View(connection, _current, _gate, _commonDf);
        }
    }

    /// <summary>What is cached for one state of the indexes.</summary>
    internal sealed class Snapshot(long version, long titles, double averageTitleLength)
    {
        public long Version { get; } = version;

        /// <summary>Rows of title_fts.</summary>
        public long Titles { get; } = titles;

        /// <summary>Their average title length in tokens (at least 1).</summary>
        public double AverageTitleLength { get; } = averageTitleLength;

        /// <summary>Every entry_fts row id, ascending: bit k of a bitmap is row Ids[k]. Null until first needed; empty when unusable.</summary>
        public long[]? Ids { get; set; }

        public Dictionary<string, ulong[]> Bitmaps { get; } = new(StringComparer.Ordinal);

        public long BitmapBytes { get; set; }

        public Dictionary<(string Index, string Match, int Cap), int> Counts { get; } = [];

        public Dictionary<(string Index, string Match, int Cap), long[]> Rowids { get; } = [];

        public long ListedRowids { get; set; }
    }
}
