using Bot.Digests.Html;
using Bot.Digests.Model;

namespace Bot.Digests.Tests.Html;

public sealed class HtmlDigestParserTests
{
    private static readonly Uri Page = new("https://blog.test/2026/11/notes.html");

    [Fact]
    public void Parse_ReadsAnyBlogsArticle_AsOneSectionWithAWarning_WhenItHasNoH2()
    {
        const string html = "<html><head><meta property=\"og:title\" content=\"Plain notes\"></head><body><nav>menu</nav>"
            + "<main><article><h1>Plain notes</h1><p>First <a href=\"/x?utm_source=rss\">link</a>.</p><ul><li>One</li><li>Two<ul><li>Deep</li></ul></li></ul></article></main></body></html>";

        var digest = new HtmlDigestParser().Parse(html, Page);

        Assert.Equal("Plain notes", digest.Title);
        Assert.Contains(digest.Warnings, w => w.Code == HtmlWarningCodes.SingleSection);
        // Bullets straight under a section read as the Markdown path reads them (each top-level bullet an entry).
        var text = digest.Entries.SelectMany(e => e.Bullets.Select(b => b.Text).Prepend(e.Title)).ToList();
        Assert.Single(digest.Sections);
        Assert.Contains("One", text);
        Assert.Contains("Deep", text);
    }

    [Fact]
    public void Parse_FallsBackToJsonLdBlogPosting_WhenThePageHasNoArticle()
    {
        const string html = "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"BlogPosting\","
            + "\"headline\":\"From JSON-LD\",\"datePublished\":\"2026-11-01T09:00:00+09:00\",\"keywords\":\"ai, ml\",\"articleBody\":\"Line one.\\nLine two.\"}</script></head><body><div>x</div></body></html>";

        var digest = new HtmlDigestParser().Parse(html, Page);

        Assert.Equal("From JSON-LD", digest.Title);
        Assert.Equal(new DateOnly(2026, 11, 1), digest.Date);
        Assert.Equal(["ai", "ml"], digest.Tags);
    }

    [Fact]
    public void Parse_WarnsLikeMarkdown_ForAnUndefinedFootnote_AndNeverThrowsOnJunk()
    {
        const string html = "<article><h2>News</h2><h3>Entry <sup><a href=\"#fn:missing\" class=\"footnote\">1</a></sup></h3><ul><li>b</li></ul></article>";

        var digest = new HtmlDigestParser().Parse(html, Page);
        var junk = new HtmlDigestParser().Parse("<<<>>>\0\u0001<div><div><div>", Page);

        Assert.Contains(digest.Warnings, w => w.Code == ParseWarningCodes.FootnoteUndefined);
        Assert.NotNull(junk);
    }
}
