using System.Diagnostics;
using System.Globalization;
using Bot.Library;

namespace Bot.Benchmarks.Library;

/// <summary><c>library-explore DATA_DIR</c>: times candidate SQL shapes for a few queries (design aid; see docs/benchmarks.md).</summary>
internal static class ExploreHarness
{
    public static Task<int> RunAsync(string[] args)
    {
        var database = new BotDatabase(args[0]);
        using var connection = database.Open();
        string[] queries = ["모델", "추론", "임베딩", "LLM", "RAG", "inference", "time-series", "nonexistentword", "LLM 추론", "Gemini"];
        string[] shapes =
        [
            "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH @q",
            "SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q ORDER BY rank LIMIT 10",
            "SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q ORDER BY rowid DESC LIMIT 10",
            "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH '{title} : (' || @q || ')'",
            "SELECT m.rowid, e.group_key, m.r, m.tr FROM (SELECT rowid, bm25(entry_fts, 4.0, 1.0, 1.5, 0.0) AS r, bm25(entry_fts, 1.0, 0.0, 0.0, 0.0) AS tr FROM entry_fts WHERE entry_fts MATCH @q LIMIT 601) AS m JOIN entries e ON e.rowid = m.rowid",
            "SELECT m.rowid, e.group_key, m.r, m.tr FROM (SELECT rowid, bm25(entry_fts, 4.0, 1.0, 1.5, 0.0) AS r, bm25(entry_fts, 1.0, 0.0, 0.0, 0.0) AS tr FROM entry_fts WHERE entry_fts MATCH '{title} : (' || @q || ')' LIMIT 601) AS m JOIN entries e ON e.rowid = m.rowid",
            "SELECT rowid FROM entry_fts WHERE entry_fts MATCH '(' || @q || ') NOT ({title} : (' || @q || '))' AND rowid < 9223372036854775807 ORDER BY rowid DESC LIMIT 40",
            "SELECT rowid FROM entry_fts WHERE entry_fts MATCH '{title} : (' || @q || ')' ORDER BY rank LIMIT 10",
        ];
        var library = new DigestLibrary(database);
        foreach (var text in args.Length > 1 ? args[1..] : queries)
        {
            var full = new List<double>();
            for (var i = 0; i < 6; i++)
            {
                var w = Stopwatch.StartNew();
                library.SearchAsync(new SearchRequest(text)).GetAwaiter().GetResult();
                full.Add(w.Elapsed.TotalMilliseconds);
            }

            var open = new List<double>();
            for (var i = 0; i < 6; i++)
            {
                var w = Stopwatch.StartNew();
                using (database.Open())
                {
                }

                open.Add(w.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  SearchAsync min {full.Skip(1).Min():0.000} ms median {full.Order().ElementAt(3):0.000} ms; Open() min {open.Skip(1).Min():0.000} ms"));
            var q = FtsQuery.Parse(text).All;
            Console.WriteLine($"{text}  ->  {q}");
            foreach (var sql in shapes)
            {
                var times = new List<double>();
                object? result = null;
                for (var i = 0; i < 4; i++)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = sql;
                    command.Parameters.AddWithValue("@q", q);
                    var watch = Stopwatch.StartNew();
                    using var reader = command.ExecuteReader();
                    var rows = 0;
                    while (reader.Read())
                    {
                        rows++;
                        result = reader.GetValue(0);
                    }

                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {times.Skip(1).Min(),8:0.000} ms  last={result}  {sql[..Math.Min(90, sql.Length)]}"));
            }
        }

        return Task.FromResult(0);
    }
}
