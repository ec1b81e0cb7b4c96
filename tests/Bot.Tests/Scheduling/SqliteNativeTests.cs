using Bot.Library;
using Bot.Library.Search;
using Bot.Library.Storage;
using Bot.Scheduling;
using Bot.Tests.Support;
using Hangfire;

namespace Bot.Tests.Scheduling;

/// <summary>
/// Microsoft.Data.Sqlite (library, ledger) and sqlite-net (under Hangfire.Storage.SQLite) in one process: one native
/// SQLite is loaded, it has FTS5, and search works with both packages in use.
/// </summary>
public sealed class SqliteNativeTests
{
    // Hangfire keeps one process-wide log provider; a host disposed by an earlier test leaves it pointing at a disposed
    // LoggerFactory, and these tests build Hangfire storage without a host of their own.
    public SqliteNativeTests() => Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);

    [Fact]
    public void BothPackages_ShareOneNativeSqlite_WithFts5()
    {
        using var dir = new TempDirectory();
        var database = new BotDatabase(dir.Path);
        using var storage = StateStoreFactory.CreateSqliteStorage(Path.Combine(dir.Path, "hangfire.db"), TimeSpan.FromSeconds(1));
        new BackgroundJobClient(storage).Enqueue<SectionJob>(j => j.RunAsync(1, CancellationToken.None));

        using var ado = database.Open();
        using var command = ado.CreateCommand();
        command.CommandText = "CREATE VIRTUAL TABLE probe USING fts5(body); INSERT INTO probe VALUES ('sparse mixture of experts'); "
            + "SELECT count(*) FROM probe WHERE probe MATCH 'mixture'; ";
        var adoHits = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "SELECT sqlite_version()";
        var adoVersion = (string)command.ExecuteScalar()!;

        using var net = new SQLite.SQLiteConnection(Path.Combine(dir.Path, "other.db"));
        net.Execute("CREATE VIRTUAL TABLE probe USING fts5(body)");
        net.Execute("INSERT INTO probe VALUES ('retrieval augmented generation')");
        var netHits = net.ExecuteScalar<int>("SELECT count(*) FROM probe WHERE probe MATCH 'retrieval'");
        var netVersion = net.ExecuteScalar<string>("SELECT sqlite_version()");

        Assert.Equal((1, 1), (adoHits, netHits));
        Assert.Equal(adoVersion, netVersion);
        Assert.Equal(adoVersion, SqliteNative.EnsureInitialized());
        if (OperatingSystem.IsLinux())
        {
            var natives = File.ReadAllLines("/proc/self/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(f => f.Length >= 6 && Path.GetFileName(f[5]).Contains("sqlite", StringComparison.OrdinalIgnoreCase) && f[5].EndsWith(".so", StringComparison.Ordinal))
                .Select(f => f[5]).Distinct().ToList();
            Assert.True(natives.Count == 1, $"native SQLite libraries loaded: {string.Join(", ", natives)}");
        }
    }

    [Fact]
    public async Task LibrarySearch_FindsEntries_AfterHangfireSqliteOpenedItsFile()
    {
        using var dir = new TempDirectory();
        using var storage = StateStoreFactory.CreateSqliteStorage(Path.Combine(dir.Path, "hangfire.db"), TimeSpan.FromSeconds(1));
        using var connection = storage.GetConnection();
        var library = new DigestLibrary(new BotDatabase(dir.Path));
        await library.IngestAsync([RepoPaths.SampleDigests]);

        var found = await library.SearchAsync(new SearchRequest("agents"));

        Assert.NotEmpty(found.Results);
    }
}
