namespace Bot.Library.Ingestion;

/// <summary>
/// Lists the Markdown files of a source folder safely: each real directory is visited once (symlink loops end),
/// links leading out of the folder are not followed unless allowed, and only regular files with content are read.
/// Every entry left out is reported with why.
/// </summary>
internal static class SourceFolder
{
    private const int MaxDepth = 64;

    public static List<SourceReader.Item> Expand(string folder, bool followOutside)
    {
        var root = RealPath(new DirectoryInfo(Path.GetFullPath(folder))) ?? Path.GetFullPath(folder);
        var items = new List<SourceReader.Item>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Walk(new DirectoryInfo(Path.GetFullPath(folder)), root, root, followOutside, visited, items, 0);
        return items.OrderBy(i => i.Source, StringComparer.Ordinal).ToList();
    }

    private static void Walk(DirectoryInfo directory, string real, string root, bool followOutside, HashSet<string> visited, List<SourceReader.Item> items, int depth)
    {
        if (!visited.Add(real))
        {
            items.Add(Skipped(directory.FullName, "a symbolic link loop (this folder was already read)"));
            return;
        }

        if (depth > MaxDepth)
        {
            items.Add(Skipped(directory.FullName, $"folders nested deeper than {MaxDepth} levels"));
            return;
        }

        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = directory.EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                .OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            items.Add(Skipped(directory.FullName, $"cannot list it: {ex.Message}"));
            return;
        }

        foreach (var entry in entries)
        {
            var isLink = entry.LinkTarget is not null;
            if (!isLink && entry is FileInfo plain && !SourceReader.IsMarkdown(plain.Name))
            {
                continue;
            }

            FileSystemInfo? target = entry;
            if (isLink)
            {
                try
                {
                    target = entry.ResolveLinkTarget(returnFinalTarget: true);
                }
                catch (IOException)
                {
                    // Too many levels of links: a loop between links themselves.
                    items.Add(Skipped(entry.FullName, "a symbolic link loop"));
                    continue;
                }

                if (target is null || !target.Exists)
                {
                    if (target is DirectoryInfo || SourceReader.IsMarkdown(entry.Name))
                    {
                        items.Add(Skipped(entry.FullName, "a broken symbolic link"));
                    }

                    continue;
                }
            }

            var targetReal = target is DirectoryInfo d ? RealPath(d) ?? d.FullName : RealPath(target) ?? target.FullName;
            if (isLink && !followOutside && !IsInside(targetReal, root))
            {
                if (target is DirectoryInfo || SourceReader.IsMarkdown(entry.Name))
                {
                    items.Add(Skipped(entry.FullName, $"a link out of the source folder (to {targetReal}); set Bot:Digests:FollowLinksOutsideSource to follow it"));
                }

                continue;
            }

            if (target is DirectoryInfo targetDirectory)
            {
                Walk(new DirectoryInfo(entry.FullName), targetReal, root, followOutside, visited, items, depth + 1);
                _ = targetDirectory;
                continue;
            }

            if (!SourceReader.IsMarkdown(entry.Name))
            {
                continue;
            }

            // FIFOs, devices and /proc files all report size 0; opening one could block forever or never end.
            if (target is FileInfo { Length: 0 })
            {
                items.Add(Skipped(entry.FullName, "empty, or not a regular file (a FIFO, a device)"));
                continue;
            }

            items.Add(new SourceReader.Item(entry.FullName, false));
        }
    }

    private static SourceReader.Item Skipped(string path, string why) => new(path, false) { Skip = $"skipped {path}: {why}" };

    private static bool IsInside(string path, string root)
        => path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link in it resolved, or null when it cannot be resolved.</summary>
    public static string? RealPath(FileSystemInfo info)
    {
        try
        {
            var full = Path.GetFullPath(info.FullName);
            var parts = full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var current = Path.GetPathRoot(full) ?? "/";
            for (var i = 0; i < parts.Length; i++)
            {
                var next = Path.Combine(current, parts[i]);
                FileSystemInfo step = i < parts.Length - 1 || info is DirectoryInfo ? new DirectoryInfo(next) : new FileInfo(next);
                var resolved = step.LinkTarget is null ? null : step.ResolveLinkTarget(returnFinalTarget: true);
                current = resolved is null ? next : Path.GetFullPath(resolved.FullName);
            }

            return current;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
