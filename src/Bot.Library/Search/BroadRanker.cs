using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Search;

/// <summary>
/// Ranking for many matches (more than <see cref="SearchEngine.ExactLimit"/>, or any-word matches): scoring
/// every match would cost tens of milliseconds, so title hits come first and the other matches follow newest
/// first, read in rowid order (= digest date) only as far as the page needs. Title hits come from the
/// title-only index <c>title_fts</c>, whose doclists are short; when there are at most
/// <see cref="SearchEngine.ExactLimit"/> of them they are scored from title_fts alone (which terms each title
/// holds, its length from title_lengths), else read newest first. Group keys are read only for the rows
/// a page needs.
/// </summary>
internal static class BroadRanker
{
    /// <summary>
    /// One page of results for <paramref name="match"/> (entry_fts) whose title hits are <paramref name="titleMatch"/>
    /// (title_fts; every term, or with <paramref name="atoms"/> null any term, in the title). <paramref name="atoms"/>
    /// (for every-term matches) lets <paramref name="view"/> read the matches from its bitmaps. The total counts
    /// matching entries up to <see cref="SearchEngine.BroadTotalCap"/>.
    /// </summary>
    public static (int Total, List<(long Rowid, double Score)> Page) Rank(
        MatchCache.View view, SqliteConnection connection, FtsQuery query, string match, string titleMatch, string? filter, IReadOnlyList<string>? atoms,
        int offset, int limit, int count)
    {
        var allTerms = atoms is not null;
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var page = new List<(long, double)>(limit);
        var need = offset + limit;
        var titleRowids = new HashSet<long>();
        // Any-word title hits are the union of each term's title hits (short lists, also needed for the term weights).
        var termHits = allTerms
            ? [view.Rowids(FtsStats.TitleIndex, titleMatch, SearchEngine.ExactLimit + 1)]
            : query.Terms.Select(t => view.Rowids(FtsStats.TitleIndex, TermInTitle(t, filter), SearchEngine.ExactLimit + 1)).ToList();
        var lengths = TitleLengths(connection, termHits);
        SearchEngine.Step("b.titlelengths");
        var titleHits = lengths.Keys.ToList();
        if (titleHits.Count > 0 && titleHits.Count <= SearchEngine.ExactLimit)
        {
            titleRowids.UnionWith(titleHits);
            var scores = allTerms
                ? titleHits.ToDictionary(r => r, _ => 1.0)
                : TermWeights(termHits, view.Titles);
            SearchEngine.Step("b.weights");
            var ordered = titleHits
                .Select(r => (Rowid: r, Score: Math.Round(SearchEngine.TitleBonus + (scores.GetValueOrDefault(r, 1.0) * LengthFactor(lengths.GetValueOrDefault(r), view.AverageTitleLength)), 4)))
                .OrderByDescending(r => r.Score).ThenByDescending(r => r.Rowid).ToList();
            Take(connection, ordered, groups, page, offset, need);
            SearchEngine.Step("b.taketitles");
        }
        else if (titleHits.Count > 0)
        {
            Stream(connection, "title_fts", titleMatch, null, SearchEngine.TitleBonus, groups, page, offset, need, titleRowids, null);
        }

        // Reached only when every title hit has been read (the stream stops early only once the page is full).
        if (groups.Count < need)
        {
            Stream(connection, "entry_fts", match, (before, n) => atoms is null ? null : view.MatchAll(atoms, n, descending: true, before), 1.0, groups, page, offset, need, null, titleRowids);
            SearchEngine.Step("b.stream");
        }

        return (Math.Max(count, offset + page.Count), page);
    }

    /// <summary>BM25's term-frequency part for one occurrence in a title of <paramref name="length"/> tokens (k1 1.2, b 0.75).</summary>
    private static double LengthFactor(int length, double average)
        => (TitleScorer.K1 + 1) / (1 + (TitleScorer.K1 * (1 - TitleScorer.B + (TitleScorer.B * length / average))));

    /// <summary>
    /// For any-word title hits: the summed IDF of the terms each title holds. Every title hit holds a term, and
    /// there are at most <see cref="SearchEngine.ExactLimit"/> of them, so each term's title matches are few.
    /// </summary>
    private static Dictionary<long, double> TermWeights(List<long[]> termHits, long titles)
    {
        var weights = new Dictionary<long, double>();
        foreach (var hits in termHits)
        {
            var idf = Math.Log(1 + ((Math.Max(titles, hits.Length) - hits.Length + 0.5) / (hits.Length + 0.5)));
            foreach (var rowid in hits)
            {
                weights[rowid] = weights.GetValueOrDefault(rowid) + idf;
            }
        }

        return weights;
    }

    internal static string TermInTitle(string term, string? filter)
        => filter is null ? "{title} : " + term : "({title} : " + term + ") AND " + filter;

    /// <summary>
    /// The first <see cref="SearchEngine.ExactLimit"/> + 1 title hits (the union of <paramref name="termHits"/>: what FTS5's
    /// OR returns first) and, when there are at most <see cref="SearchEngine.ExactLimit"/>, their title length in tokens from
    /// title_lengths (small rows, unlike entries).
    /// </summary>
    internal static Dictionary<long, int> TitleLengths(SqliteConnection connection, List<long[]> termHits)
    {
        var union = termHits.SelectMany(h => h).Distinct().Order().Take(SearchEngine.ExactLimit + 1).ToList();
        var lengths = union.ToDictionary(r => r, _ => 0);
        if (union.Count > SearchEngine.ExactLimit)
        {
            return lengths;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT j.value, z.tokens FROM json_each(@ids) j JOIN title_lengths z ON z.rowid = j.value";
        command.Parameters.AddWithValue("@ids", FtsStats.JsonIds(union));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            lengths[reader.GetInt64(0)] = reader.GetInt32(1);
        }

        return lengths;
    }

    /// <summary>
    /// Reads matches of <paramref name="table"/> newest first, in batches, until the page is full, skipping
    /// <paramref name="exclude"/> and remembering every row read in <paramref name="seen"/>.
    /// </summary>
    private static void Stream(SqliteConnection connection, string table, string match, Func<long, int, List<long>?>? cached, double score, HashSet<string> groups,
        List<(long, double)> page, int offset, int need, HashSet<long>? seen, HashSet<long>? exclude)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid FROM {table} WHERE {table} MATCH @q AND rowid < @before ORDER BY rowid DESC LIMIT @n";
        command.Parameters.AddWithValue("@q", match);
        var before = command.Parameters.AddWithValue("@before", long.MaxValue);
        var batch = BatchSize(need);
        command.Parameters.AddWithValue("@n", batch);
        while (groups.Count < need)
        {
            var rows = cached?.Invoke((long)before.Value!, batch);
            if (rows is null)
            {
                rows = new List<long>(batch);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add(reader.GetInt64(0));
                }
            }

            if (rows.Count == 0)
            {
                return;
            }

            seen?.UnionWith(rows);
            Take(connection, rows.Where(r => exclude is null || !exclude.Contains(r)).Select(r => (r, score)).ToList(), groups, page, offset, need);
            before.Value = rows[^1];
            if (rows.Count < batch)
            {
                return;
            }
        }
    }

    private static int BatchSize(int need) => Math.Min((need * 2) + 20, 2_000);

    /// <summary>Adds ranked rows to the page in order, one per group (the group key is the primary reference), reading group keys in batches.</summary>
    private static void Take(SqliteConnection connection, List<(long Rowid, double Score)> rows, HashSet<string> groups, List<(long, double)> page, int offset, int need)
    {
        var batch = BatchSize(need);
        var keys = new Dictionary<long, string>(Math.Min(rows.Count, batch));
        for (var start = 0; start < rows.Count && groups.Count < need; start += batch)
        {
            var chunk = rows.GetRange(start, Math.Min(batch, rows.Count - start));
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT e.rowid, e.group_key FROM json_each(@ids) j JOIN entries e ON e.rowid = j.value";
                command.Parameters.AddWithValue("@ids", FtsStats.JsonIds(chunk.Select(r => r.Rowid)));
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    keys[reader.GetInt64(0)] = reader.GetString(1);
                }
            }

            foreach (var (rowid, score) in chunk)
            {
                if (groups.Count >= need)
                {
                    return;
                }

                if (keys.TryGetValue(rowid, out var key) && groups.Add(key) && groups.Count - 1 >= offset)
                {
                    page.Add((rowid, score));
                }
            }
        }
    }
}
