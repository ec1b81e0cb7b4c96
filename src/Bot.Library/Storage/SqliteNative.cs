namespace Bot.Library.Storage;

/// <summary>
/// Chooses the process's one native SQLite before any connection opens. Microsoft.Data.Sqlite.Core comes without a bundle,
/// and sqlite-net-pcl (under Hangfire.Storage.SQLite) sets the same provider, so both share one <c>e_sqlite3</c>
/// (SourceGear.sqlite3, built with FTS5) instead of loading two copies of SQLite.
/// </summary>
public static class SqliteNative
{
    private static readonly Lazy<string> Initialized = new(() =>
    {
        // SetProvider is SQLitePCLRaw's documented way to choose a provider when no bundle is referenced.
        SQLitePCL.raw.SetProvider(new SQLitePCL.SQLite3Provider_e_sqlite3());
        return SQLitePCL.raw.sqlite3_libversion().utf8_to_string();
    });

    /// <summary>Sets the provider once (idempotent, thread-safe) and returns the native library's version.</summary>
    public static string EnsureInitialized() => Initialized.Value;
}
