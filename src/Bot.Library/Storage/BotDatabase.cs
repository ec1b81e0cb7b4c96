using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Storage;

/// <summary>
/// The embedded SQLite file (library and state). Opens connections and applies the
/// forward-only migrations embedded as <c>Migrations/NNNN_name.sql</c>, in order, once each.
/// </summary>
public sealed class BotDatabase
{
    private readonly string _connectionString;
    private readonly Lock _migrating = new();
    private volatile bool _migrated;

    static BotDatabase() => SqliteNative.EnsureInitialized();

    /// <summary>Uses <c>{dataDirectory}/bot.db</c>, creating the folder when needed.</summary>
    public BotDatabase(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        PrivateFiles.CreateDirectory(dataDirectory);
        FilePath = Path.GetFullPath(Path.Combine(dataDirectory, "bot.db"));
        PrivateFiles.Ensure(FilePath);
        PrivateFiles.Narrow(FilePath + "-wal");
        PrivateFiles.Narrow(FilePath + "-shm");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Default,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Absolute path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Opens a connection with WAL and a busy timeout; migrations run on the first call.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
            pragma.ExecuteNonQuery();
        }

        // Every caller waits until the schema is complete: a second caller that went on while the first was still migrating
        // met "no such table". A failed migration leaves the flag unset, so the next caller tries again.
        if (!_migrated)
        {
            try
            {
                lock (_migrating)
                {
                    if (!_migrated)
                    {
                        Migrate(connection);
                        _migrated = true;
                    }
                }
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        return connection;
    }

    /// <summary>The schema version after migrations: the number of the last applied script.</summary>
    public int SchemaVersion()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Migrate(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        // Migrations that index existing rows segment text the same way as ingestion does.
        connection.CreateFunction("bot_title_tokens", (string? title) => EntryRows.TitleTokens(title), isDeterministic: true);
        connection.CreateFunction("bot_meta_tokens", (string sectionKey, long isPaper) => DigestWriter.MetaTokens(sectionKey, isPaper != 0), isDeterministic: true);

        var applied = new HashSet<int>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT version FROM schema_version";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        // A migration that rebuilds a table (SQLite cannot drop a constraint) must not cascade its DROP into the rows that
        // reference it; the pragma is a no-op inside a transaction, so it is set here and the keys are checked before each commit.
        Pragma(connection, "PRAGMA foreign_keys=OFF");
        try
        {
            ApplyPending(connection, applied);
        }
        finally
        {
            Pragma(connection, "PRAGMA foreign_keys=ON");
        }
    }

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void ApplyPending(SqliteConnection connection, HashSet<int> applied)
    {
        foreach (var (version, name, sql) in EmbeddedMigrations())
        {
            if (applied.Contains(version))
            {
                continue;
            }

            // BEGIN IMMEDIATE: another process migrating the same file waits here, and then finds the version applied.
            using var transaction = connection.BeginTransaction(deferred: false);
            using (var check = connection.CreateCommand())
            {
                check.Transaction = transaction;
                check.CommandText = "SELECT COUNT(*) FROM schema_version WHERE version = @v";
                check.Parameters.AddWithValue("@v", version);
                if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    continue;
                }
            }

            using (var apply = connection.CreateCommand())
            {
                apply.Transaction = transaction;
                apply.CommandText = sql;
                apply.ExecuteNonQuery();
            }

            using (var keys = connection.CreateCommand())
            {
                keys.Transaction = transaction;
                keys.CommandText = "PRAGMA foreign_key_check";
                using var broken = keys.ExecuteReader();
                if (broken.Read())
                {
                    throw new InvalidOperationException($"Migration {name} would leave a {broken.GetString(0)} row pointing at a missing {broken.GetString(2)} row; nothing was changed.");
                }
            }

            using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @t)";
                record.Parameters.AddWithValue("@v", version);
                record.Parameters.AddWithValue("@n", name);
                record.Parameters.AddWithValue("@t", DateTimeOffset.UtcNow.ToString("O"));
                record.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private static IEnumerable<(int Version, string Name, string Sql)> EmbeddedMigrations()
    {
        var assembly = typeof(BotDatabase).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // Resource names look like Bot.Library.Migrations.0001_library.sql
            const string marker = ".Migrations.";
            var at = resource.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[(at + marker.Length)..^4];
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), out var version))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((version, name, reader.ReadToEnd()));
        }

        return scripts.OrderBy(s => s.Item1);
    }
}
