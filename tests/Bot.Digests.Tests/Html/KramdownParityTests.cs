using Bot.Digests.Html;
using Bot.Digests.Model;

namespace Bot.Digests.Tests.Html;

/// <summary>
/// Parity with the real renderer: every sectioned digest in ../shared and every sample is rendered to HTML by Ruby
/// kramdown (GFM input, as Jekyll does), wrapped in a Chirpy-like page, and read back. Section keys, entry titles in
/// order, reference titles and canonical URLs, and bullet text must equal the Markdown path's.
/// Tolerated differences (not compared): image sources (Jekyll's img_path prefix is applied at build time), front matter
/// (Jekyll strips it; the page's own meta carries it), warning line numbers, and kramdown's typographic symbols: its
/// smart quotes, dashes and ellipsis are what the page shows readers, so the HTML path keeps them and the comparison
/// folds them (’ → ', “ ” → ", – → --, — → ---, … → ...).
/// </summary>
public sealed class KramdownParityTests
{
    [KramdownFact]
    public void Parse_GivesTheMarkdownShape_ForEverySectionedDigestRenderedByKramdown()
    {
        var files = SectionedFiles();
        var html = ExternalRenderer.Kramdown(files);
        var failures = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var markdown = File.ReadAllText(files[i]);
            var expected = new DigestParser().Parse(markdown, Path.GetFileName(files[i]));
            var page = $"<!DOCTYPE html><html><head><title>t</title></head><body><article><header><h1>t</h1></header><div class=\"content\">{html[i]}</div></article></body></html>";
            var actual = new HtmlDigestParser().Parse(page, new Uri("https://blog.test/posts/x/"));
            if (DigestShape.FirstDifference(Fold(DigestShape.Of(expected)), Fold(DigestShape.Of(actual))) is { } difference)
            {
                failures.Add($"{Path.GetFileName(files[i])}: {difference}");
            }
        }

        Assert.True(files.Count >= 3, "no digests found to compare");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static List<string> Fold(List<string> lines)
        => lines.Select(l => l.Replace('‘', '\'').Replace('’', '\'').Replace('“', '"').Replace('”', '"')
            .Replace("—", "---", StringComparison.Ordinal).Replace("–", "--", StringComparison.Ordinal).Replace("…", "...", StringComparison.Ordinal)).ToList();

    internal static List<string> SectionedFiles()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root!, "samples", "digests"), "*.md").ToList();
        if (RepoPaths.Shared is { } shared)
        {
            files.AddRange(Directory.EnumerateFiles(Path.Combine(shared, "seeds"), "*.md"));
            files.AddRange(Directory.EnumerateFiles(Path.Combine(shared, "wild", "standing-o"), "*.md"));
        }

        return files.Order(StringComparer.Ordinal)
            .Where(f => new DigestParser().Parse(File.ReadAllText(f), Path.GetFileName(f)).Format == DigestFormat.Sectioned)
            .ToList();
    }
}
