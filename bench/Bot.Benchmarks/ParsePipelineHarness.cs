using System.Diagnostics;
using System.Globalization;

using Bot.Digests.Parsing;
using Bot.TestSupport;

using Markdig;

namespace Bot.Benchmarks;

/// <summary>
/// <c>-- parse-pipeline [digests | folder] [rounds] [variant]</c>: what the Markdig call inside <c>DigestParser.Parse</c> costs and what
/// each of its extensions adds, beside plain <c>Markdig.Markdown.Parse</c> on the whole text (the target's baseline),
/// interleaved round by round in process CPU time. "Body" is the text before a plain trailing footnote list (the whole
/// text when there is none); DigestParser gives Markdig the whole text with that list in the context, so Markdig skips it.
/// </summary>
internal static class ParsePipelineHarness
{
    public static Task<int> RunAsync(string[] args)
    {
        var digests = args.Length > 0 && Directory.Exists(args[0])
            ? ParseCorpus.RealDigests(args[0])
            : new DigestGenerator(seed: 2026).GenerateMany(args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1000, entriesPerDigest: 50).ToArray();
        var rounds = args.Length > 1 && int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? Math.Max(3, r) : 9;
        var trailing = digests.Select(d => TrailingDefinitions.Find(d.Markdown)).ToArray();
        var bodies = digests.Select((d, i) => trailing[i] is { } t ? d.Markdown[..t.BodyLength] : d.Markdown).ToArray();
        MarkdownParserContext Context(int i)
        {
            var context = new MarkdownParserContext();
            if (trailing[i] is { } t)
            {
                context.Properties[TrailingDefinitions.ContextKey] = t;
            }

            return context;
        }

        var ours = DigestPipeline.Instance;
        var yamlOnly = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();
        var footnotesOnly = new MarkdownPipelineBuilder().UseFootnotes().Build();
        var stages = new List<(string Name, Action<int> Run)>
        {
            ("plain, whole text (baseline)", i => Markdown.Parse(digests[i].Markdown)),
            ("plain, body", i => Markdown.Parse(bodies[i])),
            ("ours as DigestParser calls it", i => Markdown.Parse(digests[i].Markdown, ours, Context(i))),
            ("ours on the body, cut per parse", i => Markdown.Parse(trailing[i] is { } t ? digests[i].Markdown[..t.BodyLength] : digests[i].Markdown, ours, Context(i))),
            ("yaml only, body", i => Markdown.Parse(bodies[i], yamlOnly)),
            ("footnotes only, body", i => Markdown.Parse(bodies[i], footnotesOnly)),
            ("ours, whole text, no trailing list", i => Markdown.Parse(digests[i].Markdown, ours)),
            ("cutting the body (substring)", i => _ = trailing[i] is { } t ? digests[i].Markdown[..t.BodyLength] : null),
        };

        stages = ParseCorpus.Keep(stages, args);
        var (samples, allocated) = ParseCorpus.RunStages(stages, digests.Length, rounds);

        var baseline = ParseCorpus.Median(samples[stages[0].Name]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{digests.Length} digests, ~{digests.Average(d => d.Markdown.Length) / 1024:F1} KB each, {trailing.Count(t => t is not null)} with a plain trailing list; median of rounds 2-{rounds} (CPU time), load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        foreach (var (name, _) in stages)
        {
            var median = ParseCorpus.Median(samples[name]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-40} {median,8:F1} us/digest   {median / baseline:F2}x   {allocated[name],6:F1} KB/digest"));
        }

        return Task.FromResult(0);
    }
}
