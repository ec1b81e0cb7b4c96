using Bot.Digests.Html;
using Markdig;

namespace Bot.Digests.Tests.Html;

/// <summary>
/// A quick, always-available round trip: Markdown rendered to HTML by Markdig (footnotes on), then read back by
/// the HTML path. The kramdown and remark parity tests check the real publishers' renderers when those are installed.
/// </summary>
public sealed class MarkdigRoundTripTests
{
    private static readonly MarkdownPipeline Renderer = new MarkdownPipelineBuilder().UseYamlFrontMatter().UseFootnotes().Build();

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root!, "samples", "digests"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Parse_GivesMarkdownShape_ForMarkdigRenderedSample(string name)
    {
        var markdown = File.ReadAllText(Path.Combine(RepoPaths.Root!, "samples", "digests", name));
        var expected = new DigestParser().Parse(markdown, name);
        var html = "<html><body><article>" + Markdown.ToHtml(markdown, Renderer) + "</article></body></html>";

        var actual = new HtmlDigestParser().Parse(html, new Uri("https://blog.test/posts/" + Path.GetFileNameWithoutExtension(name) + "/"));

        Assert.Equal(expected.Format, actual.Format);
        Assert.Null(DigestShape.FirstDifference(DigestShape.Of(expected), DigestShape.Of(actual)));
    }
}
