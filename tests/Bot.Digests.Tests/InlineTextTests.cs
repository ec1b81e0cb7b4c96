using Bot.Digests.Parsing;

using Markdig;
using Markdig.Syntax;

namespace Bot.Digests.Tests;

/// <summary>The link check without text building must agree with the full walk it stands in for.</summary>
public sealed class InlineTextTests
{
    [Theory]
    [InlineData("plain text only")]
    [InlineData("see https://example.com/a now")]
    [InlineData("not a link: xhttps://example.com or http:// alone")]
    [InlineData("**bold [link](https://example.com)**")]
    [InlineData("![image](https://example.com/i.png) and `https://code.example.com`")]
    [InlineData("<https://auto.example.com> and <mail@example.com>")]
    [InlineData("[text with https://inner.example.com](https://outer.example.com)")]
    [InlineData("{: .prompt https://example.com }")]
    [InlineData("<span>https://html.example.com</span>")]
    public void HasLinks_AgreesWithTheFullWalk(string markdown)
    {
        var paragraph = Markdown.Parse(markdown, DigestPipeline.Instance).Descendants<ParagraphBlock>().Single();

        Assert.Equal(FullWalkHasLinks(paragraph), ParseContext.HasLinks(paragraph));
    }

    [Fact]
    public void HasLinks_AgreesWithTheFullWalk_OnEveryBlockOfEveryFixtureAndSharedDigest()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Specs"), "*.md").ToList();
        if (RepoPaths.Shared is not null)
        {
            files.AddRange(Directory.GetFiles(RepoPaths.Shared, "*.md", SearchOption.AllDirectories));
        }

        var withLinks = 0;
        foreach (var block in files.SelectMany(f => Markdown.Parse(File.ReadAllText(f), DigestPipeline.Instance).Descendants<LeafBlock>()))
        {
            var expected = FullWalkHasLinks(block);
            Assert.Equal(expected, ParseContext.HasLinks(block));
            withLinks += expected ? 1 : 0;
        }

        Assert.True(withLinks > 20);
    }

    private static bool FullWalkHasLinks(LeafBlock block)
    {
        var scan = new InlineScan();
        InlineText.Of(block, scan);
        return scan.HasLinks;
    }
}
