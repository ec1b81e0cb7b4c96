using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Bot.Library.Sources;

/// <summary>
/// Reads RSS 2.0 (and RSS 1.0/RDF) and Atom with a locked-down <see cref="XmlReader"/>: DTDs are ignored and no entity
/// is ever expanded (a billion-laughs feed is an error, not a memory spike), no external resource is resolved.
/// </summary>
internal static class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";

    /// <summary>The root element's local name (<c>rss</c>, <c>feed</c>, <c>RDF</c>, <c>html</c>…), or null when the text is not XML.</summary>
    public static string? RootName(string text)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings(text.Length));
            return reader.MoveToContent() == XmlNodeType.Element ? reader.LocalName : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The feed's items, newest <paramref name="maxItems"/> kept; throws <see cref="XmlException"/> for malformed XML.</summary>
    public static FeedDocument Parse(string text, Uri feedUrl, int maxItems)
    {
        using var reader = XmlReader.Create(new StringReader(text), Settings(text.Length));
        var root = XDocument.Load(reader, LoadOptions.None).Root ?? throw new XmlException("The feed has no root element.");
        List<FeedItem> items;
        string kind;
        if (root.Name == Atom + "feed")
        {
            kind = "atom";
            items = root.Elements(Atom + "entry").Select(e => AtomItem(e, feedUrl)).ToList();
        }
        else if (root.Name.LocalName == "rss")
        {
            kind = "rss";
            items = (root.Element("channel")?.Elements("item") ?? []).Select(e => RssItem(e, feedUrl, XNamespace.None)).ToList();
        }
        else if (root.Name.LocalName == "RDF")
        {
            kind = "rss";
            items = root.Elements(Rss1 + "item").Select(e => RssItem(e, feedUrl, Rss1)).ToList();
        }
        else
        {
            throw new XmlException($"<{root.Name.LocalName}> is not an RSS or Atom feed.");
        }

        var kept = items.Count <= maxItems
            ? items
            : items.OrderByDescending(i => i.Updated ?? i.Published ?? DateTimeOffset.MinValue).Take(maxItems).ToList();
        return new FeedDocument(kind, kept, items.Count - kept.Count);
    }

    private static XmlReaderSettings Settings(int length) => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = Math.Max(1024, (long)length * 2),
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static FeedItem AtomItem(XElement entry, Uri feedUrl)
    {
        var links = entry.Elements(Atom + "link").ToList();
        var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
        var link = Resolve(feedUrl, (string?)alternate?.Attribute("href"));
        var content = entry.Element(Atom + "content");
        var source = Resolve(feedUrl, (string?)content?.Attribute("src"));
        string? html = null;
        var full = false;
        if (content is not null && source is null)
        {
            full = true;
            html = (string?)content.Attribute("type") == "xhtml"
                ? string.Concat(content.Elements().SelectMany(d => d.Nodes()).Select(n => n.ToString(SaveOptions.DisableFormatting)))
                : content.Value;
        }
        else if (entry.Element(Atom + "summary") is { } summary)
        {
            html = summary.Value;
        }

        var id = Text(entry.Element(Atom + "id")) ?? link ?? source ?? Text(entry.Element(Atom + "title")) ?? string.Empty;
        return new FeedItem(
            id,
            Text(entry.Element(Atom + "title")),
            link,
            source,
            Date(entry.Element(Atom + "published")),
            Date(entry.Element(Atom + "updated")),
            html,
            full,
            entry.Elements(Atom + "category").Select(c => (string?)c.Attribute("label") ?? (string?)c.Attribute("term")).OfType<string>().ToArray());
    }

    private static FeedItem RssItem(XElement item, Uri feedUrl, XNamespace ns)
    {
        var link = Resolve(feedUrl, Text(item.Element(ns + "link")));
        var encoded = item.Element(Content + "encoded")?.Value;
        var description = item.Element(ns + "description")?.Value;
        var id = Text(item.Element(ns + "guid")) ?? link ?? Text(item.Element(ns + "title")) ?? string.Empty;
        var published = Date(item.Element(ns + "pubDate")) ?? Date(item.Element(Dc + "date"));
        return new FeedItem(
            id,
            Text(item.Element(ns + "title")),
            link,
            null,
            published,
            Date(item.Element(Atom + "updated")),
            string.IsNullOrWhiteSpace(encoded) ? description : encoded,
            !string.IsNullOrWhiteSpace(encoded),
            item.Elements(ns + "category").Select(Text).OfType<string>().ToArray());
    }

    private static string? Text(XElement? element)
    {
        var value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static DateTimeOffset? Date(XElement? element)
    {
        var text = Text(element);
        if (text is null)
        {
            return null;
        }

        // RFC 822 dates carry zone names .NET does not parse ("KST"); numeric offsets and GMT/UT parse as they are.
        text = text.Replace(" UT", " GMT", StringComparison.Ordinal).Replace(" Z", " GMT", StringComparison.Ordinal);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }

    private static string? Resolve(Uri feedUrl, string? href)
        => string.IsNullOrWhiteSpace(href) ? null : Uri.TryCreate(feedUrl, href.Trim(), out var uri) ? uri.AbsoluteUri : null;
}
