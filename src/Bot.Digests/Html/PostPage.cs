using System.Globalization;
using System.Text.Json;

using AngleSharp.Dom;

namespace Bot.Digests.Html;

/// <summary>A post page's metadata and body element, read from the DOM the way Chirpy, Gatsby and common blogs lay it out.</summary>
internal sealed class PostPage
{
    // Most specific first: Chirpy's div.content, microdata, the usual theme classes; then article/main.
    private static readonly string[] BodySelectors =
    [
        "article div.content", "[itemprop=articleBody]", "article .post-content", ".post-content", ".entry-content",
        "article .markdown", ".markdown-body", "article", "main", "[role=main]",
    ];

    public string? Title { get; private set; }

    public DateTimeOffset? Published { get; private set; }

    public List<string> Categories { get; } = [];

    public List<string> Tags { get; } = [];

    public string? Description { get; private set; }

    public string? Author { get; private set; }

    public IElement? Body { get; private set; }

    public string? JsonLdBody { get; private set; }

    public static PostPage Read(IDocument document, bool fragment)
    {
        var page = new PostPage();
        var jsonLd = JsonLdPosting(document);
        page.Body = fragment ? document.Body : BodySelectors.Select(s => document.QuerySelector(s)).FirstOrDefault(e => e is not null);
        page.Title = Text(document.QuerySelector("article h1")) ?? Meta(document, "og:title") ?? Get(jsonLd, "headline")
            ?? Text(document.QuerySelector("h1")) ?? Text(document.QuerySelector("title"));
        page.Published = Date(document.QuerySelector("article time[datetime]")?.GetAttribute("datetime"))
            ?? Date(Meta(document, "article:published_time"))
            ?? Date(document.QuerySelector("time[datetime]")?.GetAttribute("datetime"))
            ?? Date(Get(jsonLd, "datePublished"));
        page.Description = Meta(document, "description") ?? Meta(document, "og:description") ?? Get(jsonLd, "description");
        page.Author = Meta(document, "author") ?? (jsonLd is { } ld && ld.TryGetProperty("author", out var author) ? Get(author, "name") : null);
        foreach (var a in document.QuerySelectorAll("a[href*='/categories/'], a[rel~=category]"))
        {
            AddText(page.Categories, a);
        }

        foreach (var a in document.QuerySelectorAll("a.post-tag, a[rel~=tag], a[href*='/tags/']"))
        {
            AddText(page.Tags, a);
        }

        foreach (var meta in document.QuerySelectorAll("meta[property='article:tag']"))
        {
            Add(page.Tags, meta.GetAttribute("content"));
        }

        if (page.Tags.Count == 0 && Get(jsonLd, "keywords") is { } keywords)
        {
            foreach (var k in keywords.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Add(page.Tags, k);
            }
        }

        page.JsonLdBody = Get(jsonLd, "articleBody");
        return page;
    }

    private static void AddText(List<string> list, IElement element) => Add(list, Text(element));

    private static void Add(List<string> list, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !list.Contains(value.Trim(), StringComparer.Ordinal))
        {
            list.Add(value.Trim());
        }
    }

    private static string? Text(IElement? element)
    {
        var text = element is null ? null : MarkdownText.Collapse(element.TextContent);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static string? Meta(IDocument document, string name)
    {
        var content = document.QuerySelectorAll("meta")
            .FirstOrDefault(m => string.Equals(m.GetAttribute("property") ?? m.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content");
        return string.IsNullOrWhiteSpace(content) ? null : content.Trim();
    }

    public static DateTimeOffset? Date(string? text)
        => !string.IsNullOrWhiteSpace(text)
            && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static JsonElement? JsonLdPosting(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { MaxDepth = 32 });
                if (FindPosting(json.RootElement, 0) is { } posting)
                {
                    return posting.Clone();
                }
            }
            catch (JsonException)
            {
                // A broken JSON-LD block is the page's problem; the DOM still has the post.
            }
        }

        return null;
    }

    private static JsonElement? FindPosting(JsonElement element, int depth)
    {
        if (depth > 4)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            return element.EnumerateArray().Select(e => FindPosting(e, depth + 1)).FirstOrDefault(e => e is not null);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (element.TryGetProperty("@type", out var type) && type.ToString() is "BlogPosting" or "Article" or "NewsArticle" or "TechArticle")
        {
            return element;
        }

        return element.TryGetProperty("@graph", out var graph) ? FindPosting(graph, depth + 1) : null;
    }

    private static string? Get(JsonElement? element, string name)
        => element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString()!.Trim() : null;
}
