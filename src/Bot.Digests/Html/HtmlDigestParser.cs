using System.Globalization;
using System.Text;

using AngleSharp.Html.Parser;
using Bot.Digests.Model;

namespace Bot.Digests.Html;

/// <summary>
/// Parses a published post (a kramdown/Chirpy page, a remark/Gatsby feed body, or any blog's article) into the same
/// <see cref="Digest"/> the Markdown path gives. The DOM (AngleSharp, HTML5) is written back as the Markdown it was
/// rendered from and read by <see cref="DigestParser"/>, so both paths share one reader. Never throws for bad content.
/// </summary>
public sealed class HtmlDigestParser
{
    private readonly DigestParser _markdown = new();

    /// <summary>
    /// Parses <paramref name="html"/>: a whole page, or a feed item's body when <paramref name="fragment"/> is true.
    /// <paramref name="pageUrl"/> resolves relative links and images and names the digest; <paramref name="hints"/> fill what the page lacks.
    /// </summary>
    public Digest Parse(string html, Uri? pageUrl = null, HtmlPostHints? hints = null, bool fragment = false)
    {
        ArgumentNullException.ThrowIfNull(html);
        var (markdown, fileName, warnings) = ToMarkdown(html, pageUrl, hints, fragment);
        var digest = _markdown.Parse(markdown, fileName);

        // Line numbers would point into text the user never saw.
        var all = warnings.Concat(digest.Warnings.Select(w => w with { Line = 0 })).ToArray();
        return digest with { Warnings = all };
    }

    /// <summary>The Markdown a page stands for, the file name that gives the digest its id, and the HTML-only warnings.</summary>
    internal static (string Markdown, string FileName, List<ParseWarning> Warnings) ToMarkdown(string html, Uri? pageUrl, HtmlPostHints? hints, bool fragment)
    {
        var warnings = new List<ParseWarning>();
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        var page = PostPage.Read(document, fragment);
        var baseUrl = pageUrl ?? (Uri.TryCreate(hints?.Link, UriKind.Absolute, out var link) ? link : null);
        var title = page.Title ?? hints?.Title;
        var published = page.Published ?? hints?.Published;
        string body;
        if (page.Body is not null)
        {
            body = new MarkdownEmitter(baseUrl).Write(page.Body);
        }
        else if (page.JsonLdBody is not null)
        {
            body = string.Join("\n\n", page.JsonLdBody.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => MarkdownText.GuardBlockStart(MarkdownText.Escape(p))));
        }
        else
        {
            warnings.Add(new ParseWarning(HtmlWarningCodes.NoArticle, "The page has no article, main or BlogPosting; its whole body was read.", 0));
            body = document.Body is null ? string.Empty : new MarkdownEmitter(baseUrl).Write(document.Body);
        }

        if (!HasSection(body) && body.Trim().Length > 0)
        {
            warnings.Add(new ParseWarning(HtmlWarningCodes.SingleSection, "The post has no '##' sections; it was read as one section.", 0));
            // After a leading '#' title, which would otherwise close the section before it opened.
            // One section holding one entry: the Markdown path needs a '###' for bullets to belong to an entry.
            var heading = "## " + MarkdownText.Escape(title ?? "Post") + "\n\n### " + MarkdownText.Escape(title ?? "Post") + "\n\n";
            var split = body.StartsWith("# ", StringComparison.Ordinal) ? body.IndexOf("\n\n", StringComparison.Ordinal) : -1;
            body = split < 0 ? heading + body : body[..(split + 2)] + heading + body[(split + 2)..];
        }

        var front = new StringBuilder("---\n");
        Scalar(front, "title", title);
        if (published is { } date)
        {
            front.Append("date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        }

        List(front, "categories", page.Categories.Count > 0 ? page.Categories : hints?.Categories ?? []);
        List(front, "tags", page.Tags);
        Scalar(front, "description", page.Description);
        Scalar(front, "author", page.Author);
        Scalar(front, "permalink", hints?.Link ?? pageUrl?.AbsoluteUri);
        front.Append("---\n\n");
        return (front + body, FileNameFor(baseUrl, published, title), warnings);
    }

    private static bool HasSection(string markdown)
        => markdown.StartsWith("## ", StringComparison.Ordinal) || markdown.Contains("\n## ", StringComparison.Ordinal);

    // yyyy-MM-dd-slug keeps the digest's id stable when an edit changes the title.
    private static string FileNameFor(Uri? url, DateTimeOffset? published, string? title)
    {
        var segment = url is null ? string.Empty : Uri.UnescapeDataString(url.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        if (segment.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || segment.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            segment = Path.GetFileNameWithoutExtension(segment);
        }

        segment = new string(segment.Where(c => !Path.GetInvalidFileNameChars().Contains(c) && c != '.').ToArray());
        if (segment.Length == 0)
        {
            segment = title ?? "post";
        }

        var prefix = published is { } date && !(segment.Length >= 10 && DateOnly.TryParseExact(segment[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            ? date.ToString("yyyy-MM-dd-", CultureInfo.InvariantCulture)
            : string.Empty;
        return prefix + segment + ".html";
    }

    private static void Scalar(StringBuilder front, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            front.Append(key).Append(": ").Append(Quote(value)).Append('\n');
        }
    }

    private static void List(StringBuilder front, string key, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            front.Append(key).Append(": [").Append(string.Join(", ", values.Select(Quote))).Append("]\n");
        }
    }

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in MarkdownText.Collapse(value))
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                _ when char.IsControl(c) => text.Append(' '),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }
}
