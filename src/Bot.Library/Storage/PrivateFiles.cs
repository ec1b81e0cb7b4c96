namespace Bot.Library.Storage;

/// <summary>
/// The data directory holds webhook URLs, the ledger and the Data Protection keys: on Unix it is created owner-only (0700)
/// and its files 0600, and files an older version left readable by others are narrowed when the host opens them.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OthersAndGroup = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the directory owner-only; an existing directory is left as the operator made it.</summary>
    public static void CreateDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }
    }

    /// <summary>
    /// Creates the file empty and owner-only when it does not exist (SQLite then gives its <c>-wal</c> and <c>-shm</c> the same
    /// mode), or removes group and other access from an existing one.
    /// </summary>
    public static void Ensure(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerFileMode });
        }
        catch (IOException) when (File.Exists(path))
        {
            Narrow(path);
        }
        catch (IOException) when (Directory.Exists(path))
        {
            // Not a file at all: opening the database reports it, with its path, where a caller can handle it.
        }
    }

    /// <summary>Removes group and other access from the file when it exists.</summary>
    public static void Narrow(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & OthersAndGroup) != 0)
        {
            File.SetUnixFileMode(path, mode & ~OthersAndGroup);
        }
    }
}
