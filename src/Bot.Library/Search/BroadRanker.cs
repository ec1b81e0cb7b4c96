using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Bot.Library;

/// <summary>
/// Ranking for many matches (more than <see cref="SearchEngine.ExactLimit"/>, or any-word matches): scoring
/// every match would cost tens of milliseconds, so title hits come first (from the title-only index
/// <c>title_fts</c>, whose doclists are short: scored in C# when few, else newest first) and the other
/// matches follow newest first, read in rowid order (= digest date) only as far as the page needs.
/// </summary>
internal static class BroadRanker
{
    /// <summary>
    /// One page of results for <paramref name="match"/> (entry_fts) whose title hits are <paramref name="titleMatch"/>
    /// (title_fts). The total counts matching entries up to <see cref="SearchEngine.BroadTotalCap"/>.
    /// </summary>
    public static (int Total, List<(long Rowid, double Score)> Page) Rank(
        SqliteConnection connection, FtsQuery query, string match, string titleMatch, int offset, int limit, int count)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var page = new List<(long, double)>(limit);
        var need = offset + limit;
        var titleRowids = new HashSet<long>();
        var titles = FetchTitles(connection, titleMatch);
        if (titles.Count <= SearchEngine.ExactLimit)
        {
            var scorer = TitleScorer.Create(connection, query);
            var scored = titles.Select(t => (t.Rowid, t.Group, Score: Math.Round(scorer.Score(t.Title, null).Score, 4)));
            foreach (var (rowid, group, score) in scored.OrderByDescending(t => t.Score).ThenByDescending(t => t.Rowid))
            {
                titleRowids.Add(rowid);
                if (groups.Count < need && groups.Add(group) && groups.Count - 1 >= offset)
                {
                    page.Add((rowid, SearchEngine.TitleBonus + score));
                }
            }
        }
        else
        {
            Stream(connection, "title_fts", titleMatch, SearchEngine.TitleBonus, groups, page, offset, need, titleRowids, null);
        }

        // Reached only when every title hit has been read (the stream stops early only once the page is full).
        if (groups.Count < need)
        {
            Stream(connection, "entry_fts", match, 1.0, groups, page, offset, need, null, titleRowids);
        }

        return (Math.Max(count, offset + page.Count), page);
    }

    /// <summary>Title matches (at most <see cref="SearchEngine.ExactLimit"/> + 1) with their group and title.</summary>
    private static List<(long Rowid, string Group, string Title)> FetchTitles(SqliteConnection connection, string match)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT m.rowid, e.group_key, e.title
            FROM (SELECT rowid FROM title_fts WHERE title_fts MATCH @q LIMIT {SearchEngine.ExactLimit + 1}) AS m
            JOIN entries e ON e.rowid = m.rowid
            """);
        command.Parameters.AddWithValue("@q", match);
        var rows = new List<(long, string, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>
    /// Reads matches of <paramref name="table"/> newest first, in batches, until the page is full, skipping
    /// <paramref name="exclude"/> and remembering every row read in <paramref name="seen"/>.
    /// </summary>
    private static void Stream(SqliteConnection connection, string table, string match, double score, HashSet<string> groups,
        List<(long, double)> page, int offset, int need, HashSet<long>? seen, HashSet<long>? exclude)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid FROM {table} WHERE {table} MATCH @q AND rowid < @before ORDER BY rowid DESC LIMIT @n";
        command.Parameters.AddWithValue("@q", match);
        var before = command.Parameters.AddWithValue("@before", long.MaxValue);
        var batch = Math.Min((need * 2) + 20, 2_000);
        command.Parameters.AddWithValue("@n", batch);
        while (groups.Count < need)
        {
            var rows = new List<long>(batch);
            using (var reader = command.ExecuteReader())
            {
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
            Take(connection, rows.Where(r => exclude is null || !exclude.Contains(r)).ToList(), score, groups, page, offset, need);
            before.Value = rows[^1];
            if (rows.Count < batch)
            {
                return;
            }
        }
    }

    /// <summary>Adds rows to the page in order, one per group (the group key is the primary reference).</summary>
    private static void Take(SqliteConnection connection, List<long> rows, double score, HashSet<string> groups, List<(long, double)> page, int offset, int need)
    {
        var keys = new Dictionary<long, string>(rows.Count);
        for (var start = 0; start < rows.Count && groups.Count < need; start += 500)
        {
            var chunk = rows.Skip(start).Take(500).ToList();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT rowid, group_key FROM entries WHERE rowid IN ("
                    + string.Join(",", chunk.Select(r => r.ToString(CultureInfo.InvariantCulture))) + ")";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    keys[reader.GetInt64(0)] = reader.GetString(1);
                }
            }

            foreach (var rowid in chunk)
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
