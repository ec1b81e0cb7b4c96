namespace Bot.Benchmarks;

/// <summary>What the parse harnesses share: real digests from a folder, and the median of the warm rounds.</summary>
internal static class ParseCorpus
{
    /// <summary>Every <c>*.md</c> under <paramref name="folder"/>, repeated to at least 1,000 parses a round.</summary>
    public static (string FileName, string Markdown)[] RealDigests(string folder)
    {
        var files = Directory.GetFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        Console.WriteLine($"{files.Length} files under {Path.GetFullPath(folder)}");
        return files.Length == 0 ? files : Enumerable.Repeat(files, (999 / files.Length) + 1).SelectMany(f => f).ToArray();
    }

    /// <summary>
    /// The stages a run measures: all of them, or (with a third argument, for a profiler run) the baseline, which comes
    /// first, and those whose name contains that argument.
    /// </summary>
    public static List<(string Name, Action<int> Run)> Keep(List<(string Name, Action<int> Run)> stages, string[] args)
        => args.Length > 2 ? [stages[0], .. stages.Skip(1).Where(s => s.Name.Contains(args[2], StringComparison.OrdinalIgnoreCase))] : stages;

    /// <summary>
    /// Runs every stage over digests 0 … <paramref name="count"/> − 1, the stages interleaved round by round so that all see
    /// the same load; returns each stage's process CPU per digest (µs, one sample a round) and its KB allocated per digest.
    /// </summary>
    public static (Dictionary<string, List<double>> Samples, Dictionary<string, double> Allocated) RunStages(List<(string Name, Action<int> Run)> stages, int count, int rounds)
    {
        var samples = stages.ToDictionary(s => s.Name, _ => new List<double>());
        var allocated = stages.ToDictionary(s => s.Name, _ => 0.0);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, run) in stages)
            {
                using var process = System.Diagnostics.Process.GetCurrentProcess();
                var before = process.TotalProcessorTime;
                var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < count; i++)
                {
                    run(i);
                }

                allocated[name] = (GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / 1024.0 / count;
                process.Refresh();
                samples[name].Add((process.TotalProcessorTime - before).TotalMilliseconds * 1000 / count);
            }
        }

        return (samples, allocated);
    }

    /// <summary>The median of every round but the first (which still runs cold code).</summary>
    public static double Median(List<double> values)
    {
        var warm = values.Skip(1).Order().ToArray();
        return warm[warm.Length / 2];
    }
}
