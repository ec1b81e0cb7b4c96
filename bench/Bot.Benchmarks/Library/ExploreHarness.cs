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
            "SELECT rowid FROM entry_fts WHERE entry_fts MATCH '{title} : (' || @q || ')' ORDER BY rank LIMIT 10",
        ];
        foreach (var text in args.Length > 1 ? args[1..] : queries)
        {
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
