using System.Diagnostics;
using System.Globalization;
using Bot.Library;
using Microsoft.Data.Sqlite;

namespace Bot.Benchmarks.Library;

/// <summary><c>library-explain DATA_DIR QUERY...</c>: times the FTS5 statements behind each query (diagnostics for slow queries).</summary>
internal static class LibraryExplainHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var database = new BotDatabase(args[0]);
        var library = new DigestLibrary(database);
        using var connection = database.Open();
        {
            var w = Stopwatch.StartNew();
            for (var k = 0; k < 200; k++)
            {
                using var c = database.Open();
            }

            Console.WriteLine($"  open: {w.Elapsed.TotalMilliseconds / 200:0.000} ms");
        }

        foreach (var text in args.Skip(1))
        {
            if (text.StartsWith("raw:", StringComparison.Ordinal))
            {
                Time(connection, "count", "SELECT COUNT(*) FROM entry_fts WHERE entry_fts MATCH @q", text[4..]);
                Time(connection, "rowids<=2000", "SELECT COUNT(*) FROM (SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q LIMIT 2000)", text[4..]);
                continue;
            }

            if (text.StartsWith("ids:", StringComparison.Ordinal))
            {
                var ids = new List<long>();
                using (var c = connection.CreateCommand())
                {
                    c.CommandText = "SELECT rowid FROM title_fts WHERE title_fts MATCH @q LIMIT 601";
                    c.Parameters.AddWithValue("@q", text[4..]);
                    using var r = c.ExecuteReader();
                    while (r.Read())
                    {
                        ids.Add(r.GetInt64(0));
                    }
                }

                Time(connection, "IN list entries", "SELECT count(group_key) FROM entries WHERE rowid IN (" + string.Join(",", ids) + ")", "");
                Time(connection, "json_each entries", "SELECT count(e.group_key) FROM json_each('[" + string.Join(",", ids) + "]') j JOIN entries e ON e.rowid = j.value", "");
                Time(connection, "IN list docsize", "SELECT count(sz) FROM title_fts_docsize WHERE id IN (" + string.Join(",", ids) + ")", "");
                Time(connection, "json_each docsize", "SELECT count(z.sz) FROM json_each('[" + string.Join(",", ids) + "]') j JOIN title_fts_docsize z ON z.id = j.value", "");
                continue;
            }

            if (text.StartsWith("sql:", StringComparison.Ordinal))
            {
                var parts = text[4..].Split("|||");
                Time(connection, "sql", parts[0], parts.Length > 1 ? parts[1] : "");
                continue;
            }

            var query = FtsQuery.Parse(text);
            if (Environment.GetEnvironmentVariable("EXPLAIN_FETCH") is not null)
            {
                var ids = new List<long>();
                using (var c = connection.CreateCommand())
                {
                    c.CommandText = "SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q LIMIT 601";
                    c.Parameters.AddWithValue("@q", query.All);
                    using var r = c.ExecuteReader();
                    while (r.Read())
                    {
                        ids.Add(r.GetInt64(0));
                    }
                }

                var list = string.Join(",", ids);
                var titles = new List<string>();
                var w = Stopwatch.StartNew();
                for (var k = 0; k < 5; k++)
                {
                    titles.Clear();
                    using var c = connection.CreateCommand();
                    c.CommandText = "SELECT e.rowid, e.group_key, e.title, z.sz FROM entries e LEFT JOIN entry_fts_docsize z ON z.id = e.rowid WHERE e.rowid IN (" + list + ")";
                    using var r = c.ExecuteReader();
                    while (r.Read())
                    {
                        titles.Add(r.GetString(2));
                        _ = r.GetValue(3);
                    }
                }

                Console.WriteLine($"  fetch {ids.Count} rows+docsize: {w.Elapsed.TotalMilliseconds / 5:0.000} ms");
                w.Restart();
                for (var k = 0; k < 5; k++)
                {
                    using var c = connection.CreateCommand();
                    c.CommandText = "SELECT e.rowid, e.group_key, e.title FROM entries e WHERE e.rowid IN (" + list + ")";
                    using var r = c.ExecuteReader();
                    while (r.Read())
                    {
                        _ = r.GetString(2);
                    }
                }

                Console.WriteLine($"  fetch {ids.Count} rows: {w.Elapsed.TotalMilliseconds / 5:0.000} ms");
                w.Restart();
                for (var k = 0; k < 5; k++)
                {
                    foreach (var t in titles)
                    {
                        _ = EntryRows.TitleTokens(t).Split(' ');
                    }
                }

                Console.WriteLine($"  segment {titles.Count} titles: {w.Elapsed.TotalMilliseconds / 5:0.000} ms");
                w.Restart();
                for (var k = 0; k < 5; k++)
                {
                    var sc = TitleScorer.Create(connection, query);
                    foreach (var t in titles)
                    {
                        _ = sc.Score(t, true);
                    }
                }

                Console.WriteLine($"  scorer create+score {titles.Count} titles: {w.Elapsed.TotalMilliseconds / 5:0.000} ms");
            }

            Console.WriteLine($"== {text}");
            for (var k = 0; k < 3; k++)
            {
                await library.SearchAsync(new SearchRequest(text));
            }

            var steps = new Dictionary<string, double>();
            SearchEngine.Trace = (name, ms) => steps[name] = steps.GetValueOrDefault(name) + ms;
            var watch = Stopwatch.StartNew();
            for (var k = 0; k < 10; k++)
            {
                await library.SearchAsync(new SearchRequest(text));
            }

            SearchEngine.Trace = null;
            Console.WriteLine("  steps: " + string.Join(", ", steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value / 10:0.000} ms"))));

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  search: {watch.Elapsed.TotalMilliseconds / 10:0.000} ms"));
            Time(connection, "count All", "SELECT COUNT(*) FROM entry_fts WHERE entry_fts MATCH @q", query.All);
            Time(connection, "count All<=1000", "SELECT COUNT(*) FROM (SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q LIMIT 1000)", query.All);
            Time(connection, "count TitleAll", "SELECT COUNT(*) FROM entry_fts WHERE entry_fts MATCH @q", query.TitleAll);
            Time(connection, "bm25 All2", "SELECT rowid, bm25(entry_fts) FROM entry_fts WHERE entry_fts MATCH @q LIMIT 601", query.All);
            Time(connection, "count Any<=1000", "SELECT COUNT(*) FROM (SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q LIMIT 1000)", query.Any);
            Time(connection, "count Any", "SELECT COUNT(*) FROM entry_fts WHERE entry_fts MATCH @q", query.Any);
            Time(connection, "count TitleAny", "SELECT COUNT(*) FROM entry_fts WHERE entry_fts MATCH @q", query.TitleAny);
            Time(connection, "titleAny<=601", "SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q LIMIT 601", query.TitleAny);
            foreach (var term in query.Terms)
            {
                Time(connection, "  term " + term, "SELECT COUNT(*) FROM entry_fts WHERE entry_fts MATCH @q", term);
                Time(connection, "  title " + term, "SELECT COUNT(*) FROM entry_fts WHERE entry_fts MATCH @q", "{title} : " + term);
            }
        }

        return 0;
    }

    private static void Time(SqliteConnection connection, string label, string sql, string match)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@q", match);
        var result = "";
        command.ExecuteScalar();
        var watch = Stopwatch.StartNew();
        for (var k = 0; k < 5; k++)
        {
            result = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-40} {watch.Elapsed.TotalMilliseconds / 5,8:0.000} ms  -> {result}   [{match}]"));
    }
}
