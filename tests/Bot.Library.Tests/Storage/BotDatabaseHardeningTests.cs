using Bot.Library.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Tests.Storage;

// Issue 13: the migration race in BotDatabase.Open, and bot.db created world-readable.
public sealed class BotDatabaseHardeningTests : IDisposable
{
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "bot-hardening-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Open_NeverHandsOutAConnectionBeforeTheSchemaExists_WhenCallersRace()
    {
        // Each round is a fresh file; all callers start together, as the host's ingestion, scheduler and endpoints do.
        for (var round = 0; round < 10; round++)
        {
            var database = new BotDatabase(Path.Combine(_root, $"round{round}"));
            using var start = new Barrier(6);
            var errors = new List<string>();
            var threads = Enumerable.Range(0, 6).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    using var connection = database.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "SELECT COUNT(*) FROM url_sources; SELECT COUNT(*) FROM subscriptions;";
                    command.ExecuteScalar();
                }
                catch (SqliteException ex)
                {
                    lock (errors)
                    {
                        errors.Add(ex.Message);
                    }
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            Assert.All(threads, t => Assert.True(t.Join(TimeSpan.FromMinutes(1)), "an Open() hung"));
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void Open_WithTwoInstancesOnOneFile_AppliesEachMigrationOnce()
    {
        var dir = Path.Combine(_root, "two");
        var first = new BotDatabase(dir);
        var second = new BotDatabase(dir);

        var versions = new[] { first, second }.AsParallel().Select(d => d.SchemaVersion()).ToList();

        using var connection = first.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) - COUNT(DISTINCT version) FROM schema_version";
        Assert.Equal(0L, (long)command.ExecuteScalar()!);
        Assert.Equal(versions[0], versions[1]);
    }

    [Fact]
    public void NewDatabase_IsOwnerOnly_DirectoryAndEveryFile()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var dir = Path.Combine(_root, "data");
        var database = new BotDatabase(dir);
        using (var connection = database.Open())
        using (var write = connection.CreateCommand())
        {
            write.CommandText = "INSERT INTO bot_meta (key, value) VALUES ('probe', 'x')";
            write.ExecuteNonQuery();
            Assert.True(File.Exists(database.FilePath + "-wal"), "WAL mode should have created bot.db-wal");
            Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(dir) & GroupOrOther);
            var open = new List<string>();
            foreach (var file in Directory.GetFiles(dir))
            {
                if ((File.GetUnixFileMode(file) & GroupOrOther) != UnixFileMode.None)
                {
                    open.Add($"{Path.GetFileName(file)} is {File.GetUnixFileMode(file)}");
                }
            }

            Assert.Empty(open);
        }
    }

    [Fact]
    public void ExistingWorldReadableDatabase_IsNarrowed_WhenOpened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var dir = Path.Combine(_root, "old");
        using (var connection = new BotDatabase(dir).Open())
        {
        }

        var file = Path.Combine(dir, "bot.db");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        _ = new BotDatabase(dir);

        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(file) & GroupOrOther);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
