using System.Diagnostics;
using System.Globalization;

using Bot.Digests;
using Bot.TestSupport;

using Markdig;

namespace Bot.Benchmarks;

/// <summary>
/// <c>-- parse-cpu [digests | folder] [rounds] [other Bot.Digests.dll]</c>: the ParseBenchmarks comparison measured in process CPU time, with the
/// variants interleaved round by round (the parser also with its trailing-footnote-list path switched off, as it parses any other text). Given a folder instead of a count, it parses every <c>*.md</c> under it
/// (real digests, e.g. <c>../shared</c>), repeated to at least 1,000 parses a round. On a machine shared with other builds, wall-clock means swing by
/// ±30%; CPU time per digest does not, so the ratio is steadier.
/// </summary>
internal static class ParseCpuHarness
{
    public static Task<int> RunAsync(string[] args)
    {
        var digests = args.Length > 0 && Directory.Exists(args[0])
            ? RealDigests(args[0])
            : new DigestGenerator(seed: 2026).GenerateMany(args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1000, entriesPerDigest: 50).ToArray();
        var pipeline = Bot.Digests.Parsing.DigestPipeline.Instance;
        var parser = new DigestParser();
        var ordinaryPath = new DigestParser(readTrailingDefinitions: false);
        var variants = new List<(string Name, Action<string, string> Run)>
        {
            ("Markdig.Markdown.Parse (baseline)", (_, text) => Markdown.Parse(text)),
            ("Markdig, the parser's pipeline only", (_, text) => Markdown.Parse(text, pipeline)),
            ("DigestParser.Parse", (name, text) => parser.Parse(text, name)),
            ("DigestParser.Parse, no trailing-list path", (name, text) => ordinaryPath.Parse(text, name)),
        };
        if (args.Length > 2)
        {
            variants.Add(("DigestParser.Parse, other build", OtherBuild(args[2])));
        }

        var samples = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var allocated = variants.ToDictionary(v => v.Name, _ => 0.0);
        var rounds = args.Length > 1 && int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? Math.Max(3, r) : 7;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, run) in variants)
            {
                using var process = Process.GetCurrentProcess();
                var before = process.TotalProcessorTime;
                var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                foreach (var (file, text) in digests)
                {
                    run(file, text);
                }

                allocated[name] = (GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / 1024.0 / digests.Length;
                process.Refresh();
                samples[name].Add((process.TotalProcessorTime - before).TotalMilliseconds * 1000 / digests.Length);
            }
        }

        var baseline = Median(samples[variants[0].Name]);
        var trailing = digests.Count(d => Bot.Digests.Parsing.TrailingDefinitions.Find(d.Markdown) is not null);
        Console.WriteLine($"{digests.Length} digests, ~{digests.Average(d => d.Markdown.Length) / 1024:F1} KB each, {trailing} ending in a plain footnote list; median of rounds 2-{rounds} (CPU time)");
        foreach (var (name, _) in variants)
        {
            var median = Median(samples[name]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-42} {median,7:F0} us/digest   {median / baseline:F2}x   {allocated[name],6:F0} KB/digest"));
        }

        return Task.FromResult(0);
    }

    private static (string FileName, string Markdown)[] RealDigests(string folder)
    {
        var files = Directory.GetFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        Console.WriteLine($"{files.Length} files under {Path.GetFullPath(folder)}");
        return files.Length == 0 ? files : Enumerable.Repeat(files, (999 / files.Length) + 1).SelectMany(f => f).ToArray();
    }

    // Another build's Bot.Digests.dll (e.g. an older commit's) in its own load context, to compare in the same rounds.
    private static Action<string, string> OtherBuild(string assemblyPath)
    {
        var context = new System.Runtime.Loader.AssemblyLoadContext("other-build");
        var type = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath)).GetType("Bot.Digests.DigestParser", throwOnError: true)!;
        var parse = (Func<string, string?, object>)Delegate.CreateDelegate(
            typeof(Func<string, string?, object>), Activator.CreateInstance(type)!, type.GetMethod("Parse")!);
        return (name, text) => parse(text, name);
    }

    private static double Median(List<double> values)
    {
        var warm = values.Skip(1).Order().ToArray();
        return warm[warm.Length / 2];
    }
}
