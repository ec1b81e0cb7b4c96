using System.Diagnostics;
using System.Text;
using Bot.Library.Search;
using Microsoft.Data.Sqlite;

namespace Bot.Benchmarks.Library;

/// <summary>
/// <c>library-tokenizers [N]</c>: builds the same entries into FTS5 tables with different tokenizers and
/// options, and reports build CPU time, index size, and whether the hard queries of issue #3 match
/// (two-syllable Korean inside inflected forms, acronyms, hyphen/space), with their latency.
/// </summary>
internal static class FtsVariantsHarness
{
    private sealed record Variant(string Name, string Create, bool Segmented);

    public static Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300;
        var corpus = new LibraryCorpus().Generate(count).Select(c => c.Digest).ToList();
        var rows = corpus.SelectMany(d => d.Entries).Select(e => (Raw: e.Title + "\n" + string.Join("\n", e.Bullets.Select(b => b.Text)), e.Title)).ToList();
        // Probe rows with known answers, appended to every variant.
        (string Text, string Probe)[] probes =
        [
            ("LLM 추론을 위한 효율적인 Scaling", "추론"), ("임베딩(Embedding) 모델 비교", "임베딩"), ("Time-series forecasting", "time series"),
            ("검색 증강 생성(RAG) 파이프라인", "RAG"), ("GraphRAG로 문서 요약", "GraphRAG"), ("시계열예측 모델", "예측"),
        ];
        Variant[] variants =
        [
            new("trigram (raw text)", "CREATE VIRTUAL TABLE f USING fts5(t, tokenize = 'trigram case_sensitive 0')", false),
            new("unicode61 (raw text)", "CREATE VIRTUAL TABLE f USING fts5(t, tokenize = 'unicode61 remove_diacritics 2')", false),
            new("unicode61 + Hangul bigrams, contentless_delete, prefix 3", "CREATE VIRTUAL TABLE f USING fts5(t, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '3')", true),
            new("unicode61 + Hangul bigrams, contentless_delete, no prefix (chosen)", "CREATE VIRTUAL TABLE f USING fts5(t, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')", true),
            new("unicode61 + Hangul bigrams, stored content, no prefix", "CREATE VIRTUAL TABLE f USING fts5(t, tokenize = 'unicode61 remove_diacritics 2')", true),
        ];
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"{rows.Count} entries (title + bullets)");
        foreach (var variant in variants)
        {
            var file = Path.Combine(Path.GetTempPath(), $"bot-fts-variant-{Environment.ProcessId}.db");
            File.Delete(file);
            using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                connection.Open();
                Exec(connection, variant.Create);
                var texts = rows.Select(r => r.Raw).Concat(probes.Select(p => p.Text))
                    .Select(t => variant.Segmented ? Segment(t) : t).ToList();
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                using (var transaction = connection.BeginTransaction())
                {
                    using var insert = connection.CreateCommand();
                    insert.CommandText = "INSERT INTO f (rowid, t) VALUES (@r, @t)";
                    var r = insert.Parameters.Add("@r", SqliteType.Integer);
                    var t = insert.Parameters.Add("@t", SqliteType.Text);
                    for (var i = 0; i < texts.Count; i++)
                    {
                        r.Value = i + 1;
                        t.Value = texts[i];
                        insert.ExecuteNonQuery();
                    }

                    transaction.Commit();
                }

                process.Refresh();
                var build = (process.TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine($"\n{variant.Name}: build cpu {build:0.00} s ({rows.Count / build:N0} rows/s), size {new FileInfo(file).Length / 1024 / 1024.0:0.0} MiB");
                for (var p = 0; p < probes.Length; p++)
                {
                    var probeRowid = rows.Count + p + 1;
                    var (found, ms, how) = Probe(connection, probes[p].Probe, probeRowid, variant);
                    Console.WriteLine($"  {probes[p].Probe,-12} -> {(found ? "found" : "MISSED"),-7} {ms,8:0.000} ms  via {how}");
                }
            }

            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }

        return Task.FromResult(0);
    }

    private static (bool Found, double Ms, string How) Probe(SqliteConnection connection, string query, long rowid, Variant variant)
    {
        string sql;
        string parameter;
        string how;
        if (variant.Segmented)
        {
            parameter = FtsQuery.Parse(query).All;
            sql = "SELECT rowid FROM f WHERE f MATCH @q";
            how = "MATCH " + parameter;
        }
        else if (variant.Name.StartsWith("trigram", StringComparison.Ordinal) && query.Replace(" ", "", StringComparison.Ordinal).Length < 3)
        {
            // The trigram tokenizer cannot match fewer than three characters: fall back to a full scan.
            parameter = "%" + query + "%";
            sql = "SELECT rowid FROM f WHERE t LIKE @q";
            how = "LIKE (full scan)";
        }
        else
        {
            parameter = "\"" + query.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            sql = "SELECT rowid FROM f WHERE f MATCH @q";
            how = "MATCH " + parameter;
        }

        var watch = Stopwatch.StartNew();
        var found = false;
        for (var i = 0; i < 5; i++)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("@q", parameter);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found |= reader.GetInt64(0) == rowid;
            }
        }

        return (found, watch.Elapsed.TotalMilliseconds / 5, how);
    }

    private static string Segment(string text)
    {
        var sb = new StringBuilder();
        var extras = new List<string>();
        SearchText.Append(sb, text, extras);
        foreach (var extra in extras)
        {
            sb.Append(' ').Append(extra);
        }

        return sb.ToString();
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
