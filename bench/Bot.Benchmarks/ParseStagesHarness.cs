using System.Diagnostics;
using System.Globalization;

using Bot.Digests;
using Bot.Digests.Parsing;
using Bot.TestSupport;

using Markdig;
using Markdig.Extensions.Yaml;

namespace Bot.Benchmarks;

/// <summary>
/// <c>-- parse-stages [digests | folder] [rounds] [stage]</c>: where a <c>DigestParser.Parse</c> spends its CPU time, one stage at a
/// time on the same inputs (the raw-text checks, Markdig with the parser's pipeline, the front matter, the block walk),
/// beside plain Markdig and the whole parse, interleaved round by round. The stages are run on their own, so they do not
/// add up exactly to the whole; what the whole costs beyond them is the model, ids, duplicate checks and warnings.
/// </summary>
internal static class ParseStagesHarness
{
    public static Task<int> RunAsync(string[] args)
    {
        var digests = args.Length > 0 && Directory.Exists(args[0])
            ? ParseCorpus.RealDigests(args[0])
            : new DigestGenerator(seed: 2026).GenerateMany(args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1000, entriesPerDigest: 50).ToArray();
        var rounds = args.Length > 1 && int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? Math.Max(3, r) : 9;
        var pipeline = DigestPipeline.Instance;
        var parser = new DigestParser();
        var documents = digests.Select(d => Markdown.Parse(d.Markdown, pipeline)).ToArray();
        var yaml = documents.Select(d => d.Take(2).OfType<YamlFrontMatterBlock>().FirstOrDefault()).Select(b => b is null ? ((string Text, int Line)?)null : (b.Lines.ToString(), b.Line + 2)).ToArray();
        var briefing = digests.Select((d, i) => DigestAssembler.IsBriefing(documents[i], d.Markdown)).ToArray();
        var stages = new List<(string Name, Action<int> Run)>
        {
            ("Markdig.Markdown.Parse (baseline)", i => Markdown.Parse(digests[i].Markdown)),
            ("DigestParser.Parse (whole)", i => parser.Parse(digests[i].Markdown, digests[i].FileName)),
            ("raw text: binary sniff", i => TextSniffer.LooksBinary(digests[i].Markdown)),
            ("raw text: hostile shapes", i => HostileShapes.Defuse(digests[i].Markdown, DigestLimits.Default, new ParseContext())),
            ("raw text: trailing footnote list", i => TrailingDefinitions.Find(digests[i].Markdown)),
            ("Markdig, the parser's pipeline", i => Markdown.Parse(digests[i].Markdown, pipeline)),
            ("briefing check", i => DigestAssembler.IsBriefing(documents[i], digests[i].Markdown)),
            ("front matter (YamlDotNet)", i => _ = yaml[i] is { } y ? FrontMatterReader.Read(y.Text, y.Line, []) : null),
            ("block walk (sections, entries, refs)", i => Walk(documents[i], briefing[i])),
        };

        stages = ParseCorpus.Keep(stages, args);
        var (samples, allocated) = ParseCorpus.RunStages(stages, digests.Length, rounds);

        var baseline = ParseCorpus.Median(samples[stages[0].Name]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{digests.Length} digests, ~{digests.Average(d => d.Markdown.Length) / 1024:F1} KB each, {briefing.Count(b => b)} briefings; median of rounds 2-{rounds} (CPU time), load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        foreach (var (name, _) in stages)
        {
            var median = ParseCorpus.Median(samples[name]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-40} {median,8:F1} us/digest   {median / baseline:F2}x   {allocated[name],6:F1} KB/digest"));
        }

        return Task.FromResult(0);
    }

    // The readers of DigestParser.Parse on an already parsed document (the trailing-list shortcut left out).
    private static void Walk(Markdig.Syntax.MarkdownDocument document, bool briefing)
    {
        var context = new ParseContext();
        if (briefing)
        {
            new BriefingReader(context, null).Read(document);
        }
        else
        {
            new SectionedReader(context, FootnoteIndex.Build(document, null, context)).Read(document);
        }
    }
}
