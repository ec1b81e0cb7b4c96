using System.CommandLine;
using System.Globalization;
using Bot.Library.Storage;
using Bot.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli;

/// <summary>
/// <c>backup [--to FILE]</c>: a consistent copy of <c>bot.db</c> (and of <c>hangfire.db</c> when Hangfire is on SQLite)
/// while the host runs. The copy of <c>hangfire.db</c> goes beside FILE as <c>NAME.hangfire.db</c>.
/// </summary>
internal static class BackupVerb
{
    private static readonly Option<string?> To = new("--to")
    {
        Description = "Backup file for bot.db, or a directory for it (default: DATA/backups/bot-<UTC time>.db); hangfire.db and the key ring go beside it as NAME.hangfire.db and NAME.keys/",
    };

    public static Command Create()
    {
        var command = new Command("backup", "Copy bot.db (and hangfire.db) consistently while the host runs, through SQLite's online backup") { To };
        command.SetAction(RunAsync);
        return command;
    }

    /// <summary>The Hangfire copy's path beside the library copy: <c>x.db</c> gives <c>x.hangfire.db</c>.</summary>
    public static string HangfirePath(string botBackup) => Path.ChangeExtension(botBackup, ".hangfire.db");

    /// <summary>The key ring copy beside the library copy: <c>x.db</c> gives the folder <c>x.keys</c>.</summary>
    public static string KeysPath(string botBackup) => Path.ChangeExtension(botBackup, ".keys");

    private static async Task<int> RunAsync(ParseResult result, CancellationToken ct)
    {
        using var host = BotServices.Create(result);
        var database = host.Services.GetRequiredService<BotDatabase>();
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var time = host.Services.GetRequiredService<TimeProvider>();
        var dataDirectory = Path.GetDirectoryName(database.FilePath)!;
        _ = database.SchemaVersion(); // a missing bot.db is created and migrated, so even a fresh data directory backs up

        var destination = Destination(result.GetValue(To), dataDirectory, time.GetUtcNow());
        if (Path.GetFullPath(destination) == database.FilePath)
        {
            await Console.Error.WriteLineAsync("error: --to: that is bot.db itself; give another file");
            return 2;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        if (!Directory.Exists(directory))
        {
            PrivateFiles.CreateDirectory(directory);
        }

        ct.ThrowIfCancellationRequested();
        var size = SqliteBackup.Copy(database.FilePath, destination);
        Console.WriteLine($"Backed up {database.FilePath} ({Megabytes(size)}) to {destination}");

        var storage = configuration["Bot:Scheduling:Storage"] ?? "Sqlite";
        var schedulingOptions = new SchedulingOptions { Storage = storage };
        if (StateStoreFactory.IsPostgres(schedulingOptions))
        {
            await Console.Error.WriteLineAsync("note: Bot:Scheduling:Storage is PostgreSql: subscriptions, the post ledger and Hangfire live in PostgreSQL; back them up with pg_dump");
        }
        else if (!StateStoreFactory.IsMemory(schedulingOptions))
        {
            var hangfire = StateStoreFactory.HangfireDatabasePath(database);
            if (File.Exists(hangfire))
            {
                var hangfireCopy = HangfirePath(destination);
                var hangfireSize = SqliteBackup.Copy(hangfire, hangfireCopy);
                Console.WriteLine($"Backed up {hangfire} ({Megabytes(hangfireSize)}) to {hangfireCopy}");
            }
            else
            {
                Console.WriteLine($"No {hangfire} yet (the host has not run here); nothing else to back up.");
            }
        }

        // Webhook targets in bot.db are encrypted with this key ring: a copy without it restores subscriptions nobody can read.
        var keys = Path.GetFullPath(Bot.Hosting.SecretsAtRest.KeyPath(configuration) ?? Path.Combine(dataDirectory, "keys"));
        if (Directory.Exists(keys))
        {
            var keysCopy = KeysPath(destination);
            PrivateFiles.CreateDirectory(keysCopy);
            foreach (var key in Directory.EnumerateFiles(keys, "*.xml"))
            {
                File.Copy(key, Path.Combine(keysCopy, Path.GetFileName(key)), overwrite: true);
                PrivateFiles.Narrow(Path.Combine(keysCopy, Path.GetFileName(key)));
            }

            Console.WriteLine($"Copied the key ring {keys} to {keysCopy}");
        }

        Console.WriteLine("Restore: stop the host, copy the files into the data directory as bot.db, hangfire.db and keys/, start it (README: Backup and restore).");
        return 0;
    }

    private static string Destination(string? to, string dataDirectory, DateTimeOffset now)
    {
        var name = $"bot-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.db";
        if (string.IsNullOrWhiteSpace(to))
        {
            return Path.Combine(dataDirectory, "backups", name);
        }

        return Directory.Exists(to) ? Path.Combine(to, name) : to;
    }

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.0 MB", CultureInfo.InvariantCulture);
}
