using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Bot.Library;
using Bot.Library.Search;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Benchmarks.Library;

/// <summary>
/// Issue #3: one search of each kind through <see cref="DigestLibrary.SearchAsync"/>, beside the raw FTS5
/// <c>MATCH … ORDER BY rank LIMIT 10</c> of the same expression, on 400 generated digests (20,000 entries).
/// The 2,000-digest figures (p50/p99 over 200 queries, ingest, memory) come from the <c>library</c> harness.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 50)]
public class LibraryBenchmarks
{
    private string _directory = string.Empty;
    private DigestLibrary _library = null!;
    private SqliteConnection _connection = null!;

    [Params("추론", "임베딩", "RAG", "time-series", "LLM 추론", "2305.17493")]
    public string Query { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "bot-library-bdn-" + Environment.ProcessId);
        var database = new BotDatabase(_directory);
        _library = new DigestLibrary(database);
        _library.StoreDigestsAsync(new LibraryCorpus().Generate(400).Select(c => c.Digest)).GetAwaiter().GetResult();
        _connection = database.Open();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "DigestLibrary.SearchAsync")]
    public int Search() => _library.SearchAsync(new SearchRequest(Query)).GetAwaiter().GetResult().Results.Count;

    [Benchmark(Baseline = true, Description = "raw FTS5 MATCH ORDER BY rank LIMIT 10")]
    public int RawMatch()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q ORDER BY rank LIMIT 10";
        command.Parameters.AddWithValue("@q", FtsQuery.Parse(Query).All);
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }
}
