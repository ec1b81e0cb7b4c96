using System.Globalization;
using System.Net;
using System.Text;

namespace Bot.TestSupport.FakePublisher;

/// <summary>
/// Our own posts, feeds and pages in the shapes the two publishers use (Jekyll/Chirpy with kramdown; Gatsby with remark):
/// written from the renderers' documented output, never copied from the publishers' sites.
/// </summary>
public static class PublisherSite
{
    /// <summary>An entry: title, bullets (a leading "  " nests one level), and its one reference.</summary>
    public sealed record PostEntry(string Title, IReadOnlyList<string> Bullets, string RefTitle, string RefUrl);

    /// <summary>A sectioned post of <paramref name="n"/> in a series; <paramref name="edit"/> changes one bullet.</summary>
    public static IReadOnlyList<(string Section, IReadOnlyList<PostEntry> Entries)> Sections(int n, string edit = "")
        =>
        [
            ("💡 **News**",
            [
                new($"Harbour robots count crates {n}", [$"Robots at port {n} counted crates overnight{edit}.", "  Night shifts were halved."], $"Port log {n}", $"https://news.example.org/ports/{n}?utm_source=feed"),
                new($"Weather model gets a new grid {n}", ["A finer grid ran for a week."], $"Grid note {n}", $"https://weather.example.net/grid-{n}"),
            ]),
            ("📄 **Papers**",
            [
                new($"Sparse routing at small scale {n}", ["Routing helps below one billion parameters."], $"arXiv 2401.{n:D5}", $"https://arxiv.org/pdf/2401.{n:D5}v2.pdf"),
            ]),
        ];

    /// <summary>A Chirpy post page with a kramdown (GFM input) body: footnote markers, an empty References heading, div.footnotes.</summary>
    public static string ChirpyPage(string title, DateTimeOffset date, IReadOnlyList<(string Section, IReadOnlyList<PostEntry> Entries)> sections, string[]? tags = null)
    {
        var body = new StringBuilder();
        var notes = new List<(string Label, PostEntry Entry)>();
        foreach (var (section, entries) in sections)
        {
            body.Append("<h2 id=\"s\">").Append(Inline(section)).Append("</h2>\n");
            foreach (var entry in entries)
            {
                var label = $"ref{notes.Count + 1}";
                notes.Add((label, entry));
                body.Append("<h3 id=\"e\">").Append(Escape(entry.Title)).Append(" <sup id=\"fnref:").Append(label).Append("\" role=\"doc-noteref\"><a href=\"#fn:")
                    .Append(label).Append("\" class=\"footnote\" rel=\"footnote\">").Append(notes.Count).Append("</a></sup></h3>\n");
                body.Append(List(entry.Bullets));
            }

            body.Append("<hr />\n");
        }

        body.Append("<h2 id=\"references\">References</h2>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n");
        foreach (var (label, entry) in notes)
        {
            body.Append("    <li id=\"fn:").Append(label).Append("\" role=\"doc-endnote\">\n      <p><a href=\"").Append(Escape(entry.RefUrl)).Append("\">")
                .Append(Escape(entry.RefTitle)).Append("</a>&nbsp;<a href=\"#fnref:").Append(label).Append("\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a></p>\n    </li>\n");
        }

        body.Append("  </ol>\n</div>\n");
        var tagLinks = string.Concat((tags ?? ["ai-trend"]).Select(t => $"<a href=\"/tags/{t}/\" class=\"post-tag no-text-decoration\">{t}</a>"));
        return $"""
            <!DOCTYPE html>
            <html lang="ko"><head><meta charset="utf-8"><title>{Escape(title)} | Example Lab</title>
            <meta property="article:published_time" content="{date:yyyy-MM-ddTHH:mm:sszzz}">
            <meta name="description" content="Monthly notes {Escape(title)}"></head>
            <body><nav><a href="/">Home</a></nav><main><div class="row"><article class="px-1">
            <header><h1 data-toc-skip>{Escape(title)}</h1><div class="post-meta"><span>Posted <time data-ts="0" data-df="ll">{date:MMM d, yyyy}</time></span>
            <a href="/categories/ai-trends/">AI 트렌드</a></div></header>
            <div class="content">
            {body}</div>
            <div class="post-tail-wrapper"><div class="post-tags">{tagLinks}</div></div>
            </article></div></main><footer>© Example Lab</footer></body></html>
            """;
    }

    /// <summary>A remark-rendered briefing body (what Gatsby puts in content:encoded): Today's Preview, AI Viewpoint, Today's Overview.</summary>
    public static string GatsbyBriefing(int n, string edit = "")
        => $"""
            <p>Small models ran on phones today{edit}. <a href="https://lab.example.com/small-{n}">A benchmark</a> came out.</p>
            <h2>Today's Preview</h2>
            <ul>
            <li>On-device models
            <ul>
            <li><a href="https://lab.example.com/small-{n}">Small model board {n}</a> shows 3B models near last year's 7B.</li>
            <li><a href="https://web.example.com/translate-{n}">Browser translator</a> works offline.</li>
            </ul>
            </li>
            </ul>
            <h3>AI Viewpoint 🤖</h3>
            <blockquote>
            <p>Where a model runs now matters as much as how well it scores.</p>
            </blockquote>
            <h2>Today's Overview</h2>
            <h3>On-device report {n}</h3>
            <p><strong>1. Models and tools</strong></p>
            <ul>
            <li><strong>Lumen-3B</strong>: weights and <a href="https://github.com/example-lab/lumen-{n}">training code</a> were released.</li>
            <li><strong>Runtime</strong>: 4-bit matmul landed, see <a href="https://web.example.com/releases/{n}">the notes</a>.</li>
            </ul>
            """;

    /// <summary>A Chirpy-style Atom feed: content src points at the post, the summary is 400 plain characters.</summary>
    public static string AtomFeed(string baseUrl, IEnumerable<(string Slug, string Title, DateTimeOffset Published, DateTimeOffset Updated)> posts)
    {
        var feed = new StringBuilder($"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <id>{baseUrl}/</id><title>Example Lab</title><updated>{DateTimeOffset.UnixEpoch:O}</updated>
            <link href="{baseUrl}/feed.xml" rel="self"/>
            """);
        foreach (var (slug, title, published, updated) in posts)
        {
            feed.Append(CultureInfo.InvariantCulture, $"""
                <entry><title>{Escape(title)}</title><link href="{baseUrl}/posts/{slug}/" rel="alternate" type="text/html" title="{Escape(title)}"/>
                <published>{published:yyyy-MM-ddTHH:mm:sszzz}</published><updated>{updated:yyyy-MM-ddTHH:mm:sszzz}</updated>
                <id>{baseUrl}/posts/{slug}/</id><content src="{baseUrl}/posts/{slug}/"/><author><name>lab</name></author>
                <category term="AI 트렌드"/><summary>{Escape(new string('요', 400))}</summary></entry>

                """);
        }

        return feed.Append("</feed>\n").ToString();
    }

    /// <summary>A Gatsby-style RSS 2.0 feed whose items carry the whole body in content:encoded.</summary>
    public static string RssFeed(string baseUrl, IEnumerable<(string Slug, string Title, DateTimeOffset Published, string Html)> items)
    {
        var feed = new StringBuilder($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Example Daily</title><link>{baseUrl}/</link><description>daily</description>
            """);
        foreach (var (slug, title, published, html) in items)
        {
            feed.Append(CultureInfo.InvariantCulture, $"""
                <item><title><![CDATA[{title}]]></title><description><![CDATA[{title}]]></description>
                <link>{baseUrl}/{slug}/</link><guid isPermaLink="false">{baseUrl}/{slug}/</guid>
                <pubDate>{published.ToUniversalTime():R}</pubDate><content:encoded><![CDATA[{html}]]></content:encoded></item>

                """);
        }

        return feed.Append("</channel></rss>\n").ToString();
    }

    private static string List(IReadOnlyList<string> bullets)
    {
        var html = new StringBuilder("<ul>\n");
        for (var i = 0; i < bullets.Count; i++)
        {
            html.Append("  <li>").Append(Escape(bullets[i]));
            if (i + 1 < bullets.Count && bullets[i + 1].StartsWith("  ", StringComparison.Ordinal))
            {
                html.Append("\n    <ul>\n      <li>").Append(Escape(bullets[++i].Trim())).Append("</li>\n    </ul>\n  ");
            }

            html.Append("</li>\n");
        }

        return html.Append("</ul>\n").ToString();
    }

    private static string Inline(string markdownish)
    {
        var parts = markdownish.Split("**");
        return parts.Length == 3 ? Escape(parts[0]) + "<strong>" + Escape(parts[1]) + "</strong>" + Escape(parts[2]) : Escape(markdownish);
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
