using System.Diagnostics;
using System.Globalization;
using Bot.Library;
using Bot.Library.Search;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Benchmarks.Library;

/// <summary>
/// <c>library-explain DATA_DIR QUERY...</c>: diagnostics for slow queries. For each query, the search's own steps
/// (match, rank, load) and the FTS5 statements its expressions would cost; <c>raw:EXPR</c> times a MATCH
/// expression, <c>sql:SQL|||PARAM</c> any statement with <c>@q</c> = PARAM.
/// </summary>
internal static class LibraryExplainHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var database = new BotDatabase(args[0]);
        var library = new DigestLibrary(database);
        using var connection = database.Open();
        foreach (var text in args.Skip(1))
        {
            if (text.StartsWith("raw:", StringComparison.Ordinal))
            {
                Time(connection, "count", "SELECT COUNT(*) FROM entry_fts WHERE entry_fts MATCH @q", text[4..]);
                Time(connection, "rowids<=2000", "SELECT COUNT(*) FROM (SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q LIMIT 2000)", text[4..]);
                continue;
            }

            if (text.StartsWith("sql:", StringComparison.Ordinal))
            {
                var parts = text[4..].Split("|||");
                Time(connection, "sql", parts[0], parts.Length > 1 ? parts[1] : "");
                continue;
            }

            var query = FtsQuery.Parse(text);
            Console.WriteLine($"== {text}");
            for (var k = 0; k < 3; k++)
            {
                await library.SearchAsync(new SearchRequest(text));
            }

            var steps = new Dictionary<string, double>();
            var cpuSteps = new Dictionary<string, double>();
            var lastCpu = 0.0;
            SearchEngine.Trace = (name, ms) =>
            {
                var now = ThreadCpu.Milliseconds();
                steps[name] = steps.GetValueOrDefault(name) + ms;
                cpuSteps[name] = cpuSteps.GetValueOrDefault(name) + (now - lastCpu);
                lastCpu = now;
            };
            var watch = Stopwatch.StartNew();
            var cpu = ThreadCpu.Milliseconds();
            for (var k = 0; k < 10; k++)
            {
                lastCpu = ThreadCpu.Milliseconds();
                await library.SearchAsync(new SearchRequest(text));
            }

            cpu = ThreadCpu.Milliseconds() - cpu;
            SearchEngine.Trace = null;
            Console.WriteLine("  steps: " + string.Join(", ", steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value / 10:0.000} ms"))));
            Console.WriteLine("  steps, thread CPU: " + string.Join(", ", cpuSteps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value / 10:0.000} ms"))));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  search: {watch.Elapsed.TotalMilliseconds / 10:0.000} ms, thread CPU {cpu / 10:0.000} ms"));
            Time(connection, "count All", "SELECT COUNT(*) FROM entry_fts WHERE entry_fts MATCH @q", query.All);
            Time(connection, "count All<=1000", "SELECT COUNT(*) FROM (SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q LIMIT 1000)", query.All);
            Time(connection, "count TitleAll (entry_fts)", "SELECT COUNT(*) FROM entry_fts WHERE entry_fts MATCH @q", query.TitleAll);
            Time(connection, "count TitleAll (title_fts)", "SELECT COUNT(*) FROM title_fts WHERE title_fts MATCH @q", query.TitleAll);
            Time(connection, "bm25 All2", "SELECT rowid, bm25(entry_fts) FROM entry_fts WHERE entry_fts MATCH @q LIMIT 601", query.All);
            Time(connection, "count Any<=1000", "SELECT COUNT(*) FROM (SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q LIMIT 1000)", query.Any);
            Time(connection, "count Any", "SELECT COUNT(*) FROM entry_fts WHERE entry_fts MATCH @q", query.Any);
            Time(connection, "count TitleAny (entry_fts)", "SELECT COUNT(*) FROM entry_fts WHERE entry_fts MATCH @q", query.TitleAny);
            Time(connection, "count TitleAny (title_fts)", "SELECT COUNT(*) FROM title_fts WHERE title_fts MATCH @q", query.TitleAny);
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
