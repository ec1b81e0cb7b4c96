using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Bot.Library;

namespace Bot.Benchmarks.Library;

/// <summary><c>library-store-profile [N]</c>: CPU time of the parts of the write path (design aid).</summary>
internal static class StoreProfileHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300;
        var corpus = new LibraryCorpus().Generate(count).Select(c => c.Digest).ToList();
        var entries = corpus.Sum(d => d.Entries.Count());
        var process = Process.GetCurrentProcess();

        Measure("segmentation (SearchText)", entries, () =>
        {
            var sb = new StringBuilder();
            var extras = new List<string>();
            foreach (var entry in corpus.SelectMany(d => d.Entries))
            {
                sb.Clear();
                SearchText.Append(sb, entry.Title, extras);
                foreach (var b in entry.Bullets)
                {
                    SearchText.Append(sb, b.Text, extras);
                }

                foreach (var r in entry.References)
                {
                    SearchText.Append(sb, r.Title, extras);
                    SearchText.Append(sb, r.Url, null);
                }
            }
        });
        Measure("hash (JSON of digest)", entries, () =>
        {
            foreach (var d in corpus)
            {
                _ = JsonSerializer.Serialize(d);
            }
        });
        var dir = Path.Combine(Path.GetTempPath(), "bot-store-profile-" + Environment.ProcessId);
        var library = new DigestLibrary(new BotDatabase(dir));
        await library.SearchAsync(new SearchRequest("x"));
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await library.StoreDigestsAsync(corpus);
        process.Refresh();
        Console.WriteLine($"store: {entries} entries, wall {watch.Elapsed.TotalSeconds:0.00} s, cpu {(process.TotalProcessorTime - cpu).TotalSeconds:0.00} s");
        Directory.Delete(dir, true);

        // FTS insert alone, same schema and texts.
        var dir2 = Path.Combine(Path.GetTempPath(), "bot-store-profile2-" + Environment.ProcessId);
        var database = new BotDatabase(dir2);
        using (var connection = database.Open())
        {
            using var writer = new DigestWriter(connection);
            var texts = corpus.SelectMany(d => d.Entries.Select(e => (Texts: writer.IndexTexts(e), Meta: DigestWriter.MetaTokens("news", false)))).ToList();
            Console.WriteLine($"avg chars: title {texts.Average(t => t.Texts.Title.Length):0}, body {texts.Average(t => t.Texts.Body.Length):0}, refs {texts.Average(t => t.Texts.Refs.Length):0}; tokens {texts.Average(t => (t.Texts.Title + " " + t.Texts.Body + " " + t.Texts.Refs).Split(' ').Length):0}");
            foreach (var only in new[] { "all", "title+body", "refs" })
            {
                using (var clear = connection.CreateCommand())
                {
                    clear.CommandText = "DELETE FROM entry_fts";
                    clear.ExecuteNonQuery();
                }

                process.Refresh();
                var before = process.TotalProcessorTime;
                using var transaction = connection.BeginTransaction();
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO entry_fts (rowid, title, body, refs, meta) VALUES (@r, @t, @b, @f, @m)";
                var pr = insert.Parameters.Add("@r", Microsoft.Data.Sqlite.SqliteType.Integer);
                var pt = insert.Parameters.Add("@t", Microsoft.Data.Sqlite.SqliteType.Text);
                var pb = insert.Parameters.Add("@b", Microsoft.Data.Sqlite.SqliteType.Text);
                var pf = insert.Parameters.Add("@f", Microsoft.Data.Sqlite.SqliteType.Text);
                var pm = insert.Parameters.Add("@m", Microsoft.Data.Sqlite.SqliteType.Text);
                var rowid = 1L;
                foreach (var (t, m) in texts)
                {
                    pr.Value = rowid++;
                    pt.Value = only == "refs" ? "" : t.Title;
                    pb.Value = only == "refs" ? "" : t.Body;
                    pf.Value = only == "title+body" ? "" : t.Refs;
                    pm.Value = m;
                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
                process.Refresh();
                Console.WriteLine($"fts insert only ({only}): cpu {(process.TotalProcessorTime - before).TotalSeconds:0.00} s");
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir2, true);
        return 0;

        void Measure(string what, int n, Action action)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            var w = Stopwatch.StartNew();
            action();
            process.Refresh();
            Console.WriteLine($"{what}: {n} entries, wall {w.Elapsed.TotalSeconds:0.00} s, cpu {(process.TotalProcessorTime - before).TotalSeconds:0.00} s");
        }
    }
}
