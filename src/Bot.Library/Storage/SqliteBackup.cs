using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Storage;

/// <summary>
/// A consistent copy of a live SQLite file through SQLite's online backup API. A plain file copy of a WAL database is
/// unsafe (committed pages may still sit in <c>-wal</c>, and a copy taken mid-checkpoint is torn); the backup reads one
/// snapshot under a read transaction, which in WAL mode never blocks the host's writers.
/// </summary>
public static class SqliteBackup
{
    static SqliteBackup() => SqliteNative.EnsureInitialized();

    /// <summary>
    /// Copies <paramref name="sourcePath"/> to <paramref name="destinationPath"/> (owner-only, replaced atomically), makes the
    /// copy one self-contained file (rollback journal, not WAL) and checks its integrity. Returns the copy's size in bytes.
    /// </summary>
    public static long Copy(string sourcePath, string destinationPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        if (!File.Exists(sourcePath))
        {
            throw new FileNotFoundException($"'{sourcePath}' does not exist", sourcePath);
        }

        var destination = Path.GetFullPath(destinationPath);
        var partial = destination + ".partial";
        DeleteWithSidecars(partial);
        PrivateFiles.Ensure(partial);
        try
        {
            // ReadWrite, not ReadOnly: a reader of a WAL file may need to create its -shm when the host is not running.
            using (var source = Open(sourcePath, SqliteOpenMode.ReadWrite))
            using (var target = Open(partial, SqliteOpenMode.ReadWrite))
            {
                source.BackupDatabase(target);
                Execute(target, "PRAGMA journal_mode=DELETE");
                var check = Execute(target, "PRAGMA integrity_check");
                if (!string.Equals(check, "ok", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"the copy of '{sourcePath}' failed SQLite's integrity check: {check}");
                }
            }

            File.Move(partial, destination, overwrite: true);
            return new FileInfo(destination).Length;
        }
        finally
        {
            DeleteWithSidecars(partial);
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        // No pooling: the files are closed when the backup ends, so the copy can be moved and the source is not held open.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=30000");
        return connection;
    }

    private static string? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void DeleteWithSidecars(string path)
    {
        foreach (var file in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
