using System.Globalization;

namespace Bot.Benchmarks.Scheduling;

/// <summary>
/// Where the soak's resident memory is: <c>/proc/self/smaps</c> summed by kind of mapping (the glibc <c>[heap]</c>, other
/// anonymous mappings: the GC's regions, glibc's thread arenas, stacks, JIT code; the e_sqlite3 library; other files),
/// SQLite's own count of the bytes it has allocated (<c>sqlite3_memory_used</c>, all connections of both databases: they
/// share one e_sqlite3), its peak since the last sample (<c>sqlite3_memory_highwater</c>, reset by each sample) and the GC's
/// committed bytes. Linux only; elsewhere the mapping figures are 0.
/// </summary>
internal sealed record NativeMemory(double AnonymousMb, double HeapMb, double FileMb, double SqliteLibMb, double SqliteUsedMb, double SqlitePeakMb, double GcCommittedMb)
{
    public static NativeMemory Take()
    {
        double anonymous = 0, heap = 0, file = 0, sqliteLib = 0;
        if (File.Exists("/proc/self/smaps"))
        {
            var name = string.Empty;
            foreach (var line in File.ReadLines("/proc/self/smaps"))
            {
                if (IsHeader(line))
                {
                    // "start-end perms offset dev inode   path": the path is the sixth field, if any.
                    var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                    name = fields.Length == 6 ? fields[5].Trim() : string.Empty;
                    continue;
                }

                if (!line.StartsWith("Rss:", StringComparison.Ordinal))
                {
                    continue;
                }

                var kb = double.Parse(line.AsSpan(4).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) / 1024.0;
                if (name == "[heap]")
                {
                    heap += kb;
                }
                else if (name.Length == 0 || name.StartsWith("[anon", StringComparison.Ordinal) || name.StartsWith("[stack", StringComparison.Ordinal))
                {
                    anonymous += kb;
                }
                else if (name.Contains("e_sqlite3", StringComparison.Ordinal))
                {
                    sqliteLib += kb;
                }
                else if (!name.StartsWith('['))
                {
                    file += kb;
                }
            }
        }

        return new NativeMemory(anonymous, heap, file, sqliteLib, SQLitePCL.raw.sqlite3_memory_used() / 1048576.0,
            SQLitePCL.raw.sqlite3_memory_highwater(1) / 1048576.0, GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0);
    }

    /// <summary>The biggest mappings by resident size, one line each, for a look at one week.</summary>
    public static IEnumerable<string> Largest(int count)
    {
        if (!File.Exists("/proc/self/smaps"))
        {
            return [];
        }

        var mappings = new List<(string Header, double Mb)>();
        var header = string.Empty;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (IsHeader(line))
            {
                header = line;
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                mappings.Add((header, double.Parse(line.AsSpan(4).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) / 1024.0));
            }
        }

        return mappings.OrderByDescending(m => m.Mb).Take(count)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Mb,8:F1} MB  {m.Header}"));
    }

    private static bool IsHeader(string line)
    {
        // Mapping headers start "hex-hex perms"; field lines start with a name and a colon ("Rss:", "VmFlags:").
        var dash = line.IndexOf('-', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return dash > 0 && space > dash && line.AsSpan(0, dash).ContainsAnyExcept("0123456789abcdef") is false;
    }

    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture,
            $"{AnonymousMb,7:F1}  {HeapMb,7:F1}  {FileMb,7:F1}  {SqliteLibMb,9:F1}  {SqliteUsedMb,11:F1}  {SqlitePeakMb,11:F1}  {GcCommittedMb,9:F1}");
}
