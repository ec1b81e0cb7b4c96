using System.Diagnostics;
using System.Globalization;
using Bot.Digests;
using Bot.Digests.Parsing;
using Markdig;
using Markdig.Extensions.Yaml;

namespace Bot.Benchmarks;

/// <summary>
/// <c>-- frontmatter FOLDER... [--rounds N]</c>: the front matter of every <c>*.md</c> under the folders (real digests:
/// <c>../shared/seeds</c>, <c>../shared/wild</c>) read by YamlDotNet's event parser (<c>FrontMatterReader</c>), beside the
/// whole <c>DigestParser.Parse</c> and plain Markdig of the same files, in process CPU time, interleaved round by round.
/// </summary>
internal static class FrontMatterHarness
{
    public static Task<int> RunAsync(string[] args)
    {
        var rounds = BenchArgs.Integer(args, "--rounds", 9);
        var files = args.Where(Directory.Exists).SelectMany(d => Directory.EnumerateFiles(d, "*.md", SearchOption.AllDirectories)).Order(StringComparer.Ordinal).ToList();
        var digests = files.Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f))).ToList();
        var blocks = digests.Select(d => Markdown.Parse(d.Text, DigestPipeline.Instance).OfType<YamlFrontMatterBlock>().FirstOrDefault())
            .OfType<YamlFrontMatterBlock>().Select(b => (Yaml: b.Lines.ToString(), Line: b.Line + 2)).ToList();
        var repeat = Math.Max(1, 20_000 / Math.Max(1, blocks.Count));
        var parser = new DigestParser();
        var variants = new (string Name, int Items, Action Run)[]
        {
            ("front matter, YamlDotNet event parser", blocks.Count * repeat, () => Each(blocks, repeat, b => FrontMatterReader.Read(b.Yaml, b.Line, []))),
            ("whole digest, DigestParser.Parse", digests.Count * Math.Max(1, repeat / 20), () => Each(digests, Math.Max(1, repeat / 20), d => parser.Parse(d.Text, d.Name))),
            ("whole digest, Markdig.Markdown.Parse (the ratio's baseline)", digests.Count * Math.Max(1, repeat / 20), () => Each(digests, Math.Max(1, repeat / 20), d => Markdown.Parse(d.Text))),
        };
        var samples = variants.ToDictionary(v => v.Name, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, items, run) in variants)
            {
                using var process = Process.GetCurrentProcess();
                var before = process.TotalProcessorTime;
                run();
                process.Refresh();
                samples[name].Add((process.TotalProcessorTime - before).TotalMilliseconds * 1000 / items);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{digests.Count} files, {blocks.Count} with front matter ({blocks.Average(b => b.Yaml.Length):0} chars on average); median µs of rounds 2-{rounds} (CPU time), load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        foreach (var (name, _, _) in variants)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-62} {Median(samples[name]),9:0.00} µs"));
        }

        return Task.FromResult(0);
    }

    private static void Each<T>(List<T> items, int repeat, Action<T> run)
    {
        for (var i = 0; i < repeat; i++)
        {
            foreach (var item in items)
            {
                run(item);
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Skip(1).Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
