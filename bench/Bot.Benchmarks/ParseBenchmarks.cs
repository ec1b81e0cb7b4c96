using BenchmarkDotNet.Attributes;
using Markdig;
using BenchmarkDotNet.Engines;

using Bot.Digests;
using Bot.TestSupport;

namespace Bot.Benchmarks;

/// <summary>
/// Issue #2: parsing 1,000 generated sectioned digests (~50 entries each) with <see cref="DigestParser"/>
/// against plain <c>Markdig.Markdown.Parse</c> on the same text. Target: at most 1.5× the baseline.
/// Ten warm-up passes: the parser has more code than Markdig alone to reach tier-1 JIT, and with three its first
/// measured passes were still 15–55% slower than the steady state.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 10, iterationCount: 15)]
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class ParseBenchmarks
{
    // Bot.Digests' own cached pipeline (yaml, footnotes, and the trailing-list parsers, which act only with a parser context):
    // Markdig on the whole text with the extensions the parser needs.
    private static readonly MarkdownPipeline DigestExtensions = Bot.Digests.Parsing.DigestPipeline.Instance;

    private readonly DigestParser _parser = new();
    private (string FileName, string Markdown)[] _digests = [];

    [Params(1000)]
    public int Digests { get; set; }

    [GlobalSetup]
    public void Setup() => _digests = new DigestGenerator(seed: 2026).GenerateMany(Digests, entriesPerDigest: 50).ToArray();

    [Benchmark(Baseline = true, Description = "Markdig.Markdown.Parse")]
    public int MarkdigParse()
    {
        var blocks = 0;
        foreach (var (_, markdown) in _digests)
        {
            blocks += Markdig.Markdown.Parse(markdown).Count;
        }

        return blocks;
    }

    [Benchmark(Description = "Markdig.Markdown.Parse, the parser's pipeline")]
    public int MarkdigWithDigestExtensions()
    {
        var blocks = 0;
        foreach (var (_, markdown) in _digests)
        {
            blocks += Markdig.Markdown.Parse(markdown, DigestExtensions).Count;
        }

        return blocks;
    }

    [Benchmark(Description = "DigestParser.Parse")]
    public int DigestParse()
    {
        var entries = 0;
        foreach (var (fileName, markdown) in _digests)
        {
            foreach (var section in _parser.Parse(markdown, fileName).Sections)
            {
                entries += section.Entries.Count;
            }
        }

        return entries;
    }
}
