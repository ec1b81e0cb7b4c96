namespace Bot.Library.Sources;

/// <summary>What a URL turned out to be, decided from the response (content type, then content), never from the file name.</summary>
internal static class SourceKinds
{
    public const string Folder = "folder";
    public const string File = "file";
    public const string Markdown = "markdown";
    public const string Html = "html";
    public const string Rss = "rss";
    public const string Atom = "atom";
    public const string Post = "post";

    /// <summary>The kind of a decoded body, or an error for bodies that are no digest at all.</summary>
    public static (string? Kind, string? Error) Detect(string? mediaType, string text)
    {
        var type = (mediaType ?? string.Empty).Trim().ToLowerInvariant();
        switch (type)
        {
            case "application/atom+xml":
                return (Atom, null);
            case "application/rss+xml" or "application/rdf+xml":
                return (Rss, null);
            case "text/markdown" or "text/x-markdown":
                return (Markdown, null);
            case "text/html" or "application/xhtml+xml":
                return (Html, null);
        }

        if (RefusedType(type) is { } refused)
        {
            return (null, refused);
        }

        // text/plain, application/xml, octet-stream, missing: the content decides.
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<rss", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<feed", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<rdf:RDF", StringComparison.OrdinalIgnoreCase))
        {
            return FeedParser.RootName(text) switch
            {
                "rss" or "RDF" => (Rss, null),
                "feed" => (Atom, null),
                "html" => (Html, null),
                null => (null, "the response is malformed XML"),
                var other => (null, $"the response is XML (<{other}>), not an RSS or Atom feed"),
            };
        }

        return LooksLikeHtml(start) ? (Html, null) : (Markdown, null);
    }

    /// <summary>Why a media type can hold no digest (images, PDFs, JSON…), or null when the content must decide.</summary>
    public static string? RefusedType(string? mediaType)
    {
        var type = (mediaType ?? string.Empty).Trim().ToLowerInvariant();
        return type.StartsWith("image/", StringComparison.Ordinal) || type.StartsWith("audio/", StringComparison.Ordinal)
            || type.StartsWith("video/", StringComparison.Ordinal) || type.StartsWith("font/", StringComparison.Ordinal)
            || type is "application/pdf" or "application/zip" or "application/gzip" or "application/json" or "application/javascript" or "text/css"
            ? $"the response is {type}, not a feed, a post page or Markdown"
            : null;
    }

    /// <summary>An HTML document's usual opening (a doctype or an html/head/body tag), as a browser's sniffer checks it.</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<char> start)
    {
        if (start.StartsWith("<!--", StringComparison.Ordinal))
        {
            var end = start.IndexOf("-->", StringComparison.Ordinal);
            start = end < 0 ? [] : start[(end + 3)..].TrimStart();
        }

        foreach (var opening in (string[])["<!doctype html", "<html", "<head", "<body"])
        {
            if (start.StartsWith(opening, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
