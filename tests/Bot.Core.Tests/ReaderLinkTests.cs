using Bot.Core.Highlights;
using Bot.Digests;

namespace Bot.Core.Tests;

/// <summary>Links shown to readers keep the publisher's URL (fragment included), minus tracking parameters only.</summary>
public sealed class ReaderLinkTests
{
    [Theory]
    [InlineData("https://example.com/docs/setup#install", "https://example.com/docs/setup#install")]
    [InlineData("https://example.com/#/article/123", "https://example.com/#/article/123")]
    [InlineData("https://www.example.com/a/?utm_source=news&id=7#part-2", "https://www.example.com/a/?id=7#part-2")]
    [InlineData("https://arxiv.org/pdf/2409.01234v2.pdf", "https://arxiv.org/pdf/2409.01234v2.pdf")]
    public void Highlight_LinksToThePublishersUrl(string written, string shown)
    {
        var markdown = $"""
            ---
            title: Links
            date: 2026-10-01
            ---

            ## News

            ### A linked entry

            - Summary sentence for the entry.
            - [Source]({written})
            """;
        var digest = new DigestParser().Parse(markdown, "2026-10-01-links.md");

        var highlight = HighlightBuilder.Create(digest, "https://digest.example/", "news", 5)!;

        Assert.Equal(shown, Assert.Single(highlight.Items).Url);
    }
}
