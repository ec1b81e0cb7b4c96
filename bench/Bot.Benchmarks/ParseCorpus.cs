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

    /// <summary>The median of every round but the first (which still runs cold code).</summary>
    public static double Median(List<double> values)
    {
        var warm = values.Skip(1).Order().ToArray();
        return warm[warm.Length / 2];
    }
}
