using System.Globalization;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Search;

/// <summary>
/// Ranked, grouped search over the FTS indexes. Order: entries whose title holds a query term first, then
/// a BM25 score (title weighted above the rest), ties to the newer digest. Matches are found by FTS5; ranking
/// happens in C# (<see cref="TitleScorer"/>), because FTS5's bm25() reads every phrase's whole doclist.
/// Broad queries (more than <see cref="ExactLimit"/> matches) put title hits first (from the title-only
/// index), then the rest newest first (<see cref="BroadRanker"/>). Entries whose primary reference is the
/// same work are one result; the others are listed in <see cref="SearchResult.AlsoIn"/>. Very common words are
/// intersected from in-memory bitmaps (<see cref="MatchCache"/>, exact: dropped whenever an index changes).
/// </summary>
internal sealed class SearchEngine
{
    /// <summary>Added to the score of a result whose title holds a query term.</summary>
    internal const double TitleBonus = 100.0;

    /// <summary>Broad queries (and the any-word fallback) count their total only up to this many: an exact count reads every doclist in full.</summary>
    internal const int BroadTotalCap = 1_000;

    /// <summary>Up to this many matches are ranked exactly (every match scored, exact grouped total).</summary>
    internal const int ExactLimit = 600;

    private readonly ResultLoader _loader;
    private readonly MatchCache _cache;

    /// <summary>Diagnostics for the benchmark harness: called with a step name and its elapsed milliseconds. Null in normal use.</summary>
    internal static Action<string, double>? Trace { get; set; }

    [ThreadStatic]
    private static System.Diagnostics.Stopwatch? t_watch;

    /// <summary>Reports the time since the previous step to <see cref="Trace"/>, when set.</summary>
    internal static void Step(string name)
    {
        if (Trace is not null && t_watch is not null)
        {
            Trace(name, t_watch.Elapsed.TotalMilliseconds);
            t_watch.Restart();
        }
    }

    /// <summary>An engine whose cache gives bitmaps to MATCH atoms in more than <paramref name="commonDf"/> entries (<see cref="MatchCache"/>).</summary>
    public SearchEngine(Func<string?, string?, string?> publicUrl, int commonDf = MatchCache.CommonDf)
    {
        _loader = new ResultLoader(publicUrl);
        _cache = new MatchCache(commonDf);
    }

    public SearchResponse Search(SqliteConnection connection, SearchRequest request)
    {
        var query = FtsQuery.Parse(request.Query);
        var limit = Math.Clamp(request.Limit, 1, 100);
        var offset = Math.Clamp(request.Offset, 0, 10_000);
        var text = request.Query ?? string.Empty;
        if (query.IsEmpty)
        {
            return new SearchResponse(text, 0, []);
        }

        t_watch = Trace is null ? null : System.Diagnostics.Stopwatch.StartNew();
        // One read transaction: the cache key and every index read come from the same state of the library.
        using var transaction = connection.BeginTransaction(deferred: true);
        var view = _cache.Open(connection);
        var filterAtoms = FilterAtoms(request);
        var filter = filterAtoms.Count == 0 ? null : string.Join(" AND ", filterAtoms);
        var atoms = query.Atoms.Concat(filterAtoms).ToList();
        // Without a common atom FTS5 matches alone; its (capped) list is memoised like the atoms' counts: a phrase of common words
        // costs FTS5 a position check over both doclists every time.
        var matched = view.MatchAll(atoms, BroadTotalCap) ?? [.. view.Rowids(FtsStats.EntryIndex, With(query.All, filter), BroadTotalCap)];
        Step("match");
        (int Total, List<(long Rowid, double Score)> Page) ranked;
        if (matched.Count > 0 && matched.Count <= ExactLimit)
        {
            ranked = NarrowRanker.Rank(view, connection, query, With(query.All, filter), With(query.TitleAll, filter), matched, offset, limit);
        }
        else if (matched.Count > 0)
        {
            ranked = BroadRanker.Rank(view, connection, query, With(query.All, filter), With(query.TitleAll, filter), filter, atoms, offset, limit, matched.Count);
        }
        else if (query.Terms.Count > 1)
        {
            // Nothing holds every word: fall back to any word (title hits first, then newest first).
            var any = With(query.Any, filter);
            var count = CountAny(view, query, filterAtoms, filter, BroadTotalCap);
            Step("countany");
            ranked = count == 0 ? (0, []) : BroadRanker.Rank(view, connection, query, any, With(query.TitleAny, filter), filter, null, offset, limit, count);
        }
        else
        {
            ranked = (0, []);
        }

        Step("rank");
        var results = ranked.Page.Count == 0 ? [] : _loader.Load(connection, ranked.Page);
        Step("load");
        transaction.Commit();
        // Broad queries stop counting at the cap (an exact count of a common word's matches is what costs).
        return new SearchResponse(text, ranked.Total, results) { TotalIsLowerBound = ranked.Total >= BroadTotalCap };
    }

    private static string With(string expression, string? filter) => filter is null ? expression : "(" + expression + ") AND " + filter;

    /// <summary>The section and papers-only filters as MATCH expressions on the meta column, ANDed with the query.</summary>
    private static List<string> FilterAtoms(SearchRequest request)
    {
        var section = string.IsNullOrWhiteSpace(request.Section) ? null : request.Section.Trim().ToLowerInvariant();
        var parts = new List<string>(2);
        if (section is not null)
        {
            parts.Add("{meta} : \"" + DigestWriter.SectionToken(section) + "\"");
        }

        if (request.PapersOnly)
        {
            parts.Add("{meta} : \"" + DigestWriter.PaperToken + "\"");
        }

        return parts;
    }

    /// <summary>
    /// Entries holding any term, counted up to <paramref name="cap"/>: one term with that many matches settles it,
    /// else the union of every term's (complete) matches, from the cache (bitmaps for common atoms, memoised lists else).
    /// </summary>
    internal static int CountAny(MatchCache.View view, FtsQuery query, List<string> filterAtoms, string? filter, int cap)
    {
        var union = new HashSet<long>();
        for (var t = 0; t < query.Terms.Count; t++)
        {
            var rows = (IReadOnlyCollection<long>?)view.MatchAll([.. query.TermAtoms[t], .. filterAtoms], cap)
                ?? view.Rowids(FtsStats.EntryIndex, With(query.Terms[t], filter), cap);
            union.UnionWith(rows);
            if (rows.Count >= cap || union.Count >= cap)
            {
                return cap;
            }
        }

        return union.Count;
    }

    /// <summary>The best-matching entry and its references, each with the entries of other digests citing it.</summary>
    public RefsResponse? Refs(SqliteConnection connection, string query)
    {
        var best = Search(connection, new SearchRequest(query, Limit: 1));
        if (best.Results.Count == 0)
        {
            return null;
        }

        var entry = best.Results[0];
        var keys = entry.References.Select(DigestWriter.RefKey).ToList();
        var citing = ResultLoader.CitingEntries(connection, keys);
        var cited = new List<CitedReference>(entry.References.Count);
        for (var k = 0; k < entry.References.Count; k++)
        {
            var others = citing.TryGetValue(keys[k], out var list)
                ? list.Where(c => c.AlsoIn.DigestId != entry.DigestId).DistinctBy(c => c.EntryId).Select(c => c.AlsoIn).ToArray()
                : [];
            cited.Add(new CitedReference(entry.References[k], others));
        }

        return new RefsResponse(query, entry, cited);
    }

    /// <summary>Distinct entry titles for autocomplete: title matches first (newest digest first), else the newest titles.</summary>
    public static IReadOnlyList<string> SuggestTitles(SqliteConnection connection, string text, int limit)
    {
        limit = Math.Clamp(limit, 1, 100);
        var query = FtsQuery.Parse(text, prefixLast: true);
        using var command = connection.CreateCommand();
        if (query.IsEmpty)
        {
            command.CommandText =
                "SELECT e.title FROM entries e JOIN digests d ON d.rowid = e.digest_rowid " +
                "ORDER BY d.date IS NULL, d.date DESC, d.id DESC, e.section_ord, e.ord LIMIT @n";
            command.Parameters.AddWithValue("@n", limit * 4);
        }
        else
        {
            command.CommandText =
                "SELECT e.title FROM (SELECT rowid FROM title_fts WHERE title_fts MATCH @q ORDER BY rowid DESC LIMIT 400) m " +
                "JOIN entries e ON e.rowid = m.rowid ORDER BY m.rowid DESC";
            command.Parameters.AddWithValue("@q", query.TitleAll);
        }

        var titles = new List<string>(limit);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var reader = command.ExecuteReader();
        while (reader.Read() && titles.Count < limit)
        {
            var title = reader.GetString(0);
            if (title.Length > 0 && seen.Add(title))
            {
                titles.Add(title);
            }
        }

        return titles;
    }
}
