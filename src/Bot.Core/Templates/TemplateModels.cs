using System.Globalization;
using Bot.Core.Highlights;
using Bot.Core.Replies;
using Bot.Core.Text;
using Bot.Library.Search;

namespace Bot.Core.Templates;

/// <summary>
/// The variables a reply template sees (snake_case, documented in <c>templates/README.md</c>). Both platforms get the
/// same model, so an operator learns one vocabulary.
/// </summary>
public static class TemplateModels
{
    /// <summary>
    /// Longest text handed to a template. Every platform part is shorter, so cutting here changes no output;
    /// it only keeps a 20,000-character bullet from being escaped in full before it is cut.
    /// </summary>
    public const int MaxValueLength = 4500;

    /// <summary>Variables of a section highlight: <c>digest</c>, <c>section</c>, <c>items</c>, <c>shown</c>, <c>more</c>, <c>total</c>.</summary>
    public static Dictionary<string, object?> Highlight(SectionHighlight highlight)
    {
        ArgumentNullException.ThrowIfNull(highlight);
        var kind = SectionKinds.Classify(highlight.SectionKey);
        var emoji = SectionKinds.Emoji(kind);
        var title = highlight.SectionTitle.Trim();
        var label = title.Length > 0 && !char.IsLetterOrDigit(title, 0) ? title : $"{emoji} {title}";
        return new()
        {
            ["digest"] = Digest(highlight.DigestId, highlight.DigestTitle, highlight.DigestDate, highlight.DigestUrl),
            ["section"] = new Dictionary<string, object?>
            {
                ["key"] = highlight.SectionKey, ["title"] = Cap(title), ["label"] = Cap(label), ["emoji"] = emoji, ["kind"] = kind.ToString().ToLowerInvariant(),
            },
            ["items"] = highlight.Items.Select((item, i) => Item(item, i + 1)).ToList(),
            ["shown"] = highlight.Items.Count,
            ["more"] = highlight.MoreCount,
            ["total"] = highlight.Items.Count + highlight.MoreCount,
        };
    }

    /// <summary>One highlight entry as <c>item</c>: <c>index, id, title, summary, url</c>.</summary>
    public static Dictionary<string, object?> Item(HighlightItem item, int index)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new() { ["index"] = index, ["id"] = item.EntryId, ["title"] = Cap(item.Title), ["summary"] = Cap(item.Summary), ["url"] = item.Url };
    }

    /// <summary>Variables of <c>/digest</c>: <c>digest</c> (with <c>summary</c>), <c>sections</c>, <c>section_count</c>, <c>entry_count</c>.</summary>
    public static Dictionary<string, object?> Overview(DigestOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        var digest = Digest(overview.DigestId, overview.DigestTitle, overview.DigestDate, overview.DigestUrl);
        digest["summary"] = Cap(overview.Summary);
        return new()
        {
            ["digest"] = digest,
            ["sections"] = overview.Sections.Select((s, i) => OverviewSection(s, i + 1)).ToList(),
            ["section_count"] = overview.Sections.Count,
            ["entry_count"] = overview.Sections.Sum(s => s.EntryCount),
        };
    }

    /// <summary>One section of an overview as <c>item</c>: <c>index, key, title, label, count, url</c>.</summary>
    public static Dictionary<string, object?> OverviewSection(OverviewSection section, int index)
    {
        ArgumentNullException.ThrowIfNull(section);
        var title = section.Title.Trim();
        var label = title.Length > 0 && !char.IsLetterOrDigit(title, 0) ? title : $"{SectionKinds.Emoji(SectionKinds.Classify(section.Key))} {title}";
        return new() { ["index"] = index, ["key"] = section.Key, ["title"] = Cap(title), ["label"] = Cap(label), ["count"] = section.EntryCount, ["url"] = section.Url };
    }

    /// <summary>Variables of <c>/search</c> and <c>/papers</c>: <c>command, query, section, total, total_text, page, page_count, has_previous, has_next, results</c>.</summary>
    public static Dictionary<string, object?> Search(SearchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new()
        {
            ["command"] = results.Command,
            ["query"] = Cap(results.Query),
            ["section"] = Cap(results.Section),
            ["total"] = results.Total,
            ["total_text"] = results.TotalText,
            ["page"] = results.Page,
            ["page_count"] = results.PageCount,
            ["has_previous"] = results.Page > 1,
            ["has_next"] = results.Page < results.PageCount,
            ["results"] = results.Results.Select((r, i) => SearchItem(r, i + 1)).ToList(),
        };
    }

    /// <summary>One search result as <c>item</c>: <c>index, title, summary, url, section, digest_title, digest_date, also_in_count</c>.</summary>
    public static Dictionary<string, object?> SearchItem(SearchResult result, int index)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new()
        {
            ["index"] = index,
            ["id"] = result.EntryId,
            ["title"] = Cap(result.Title),
            ["summary"] = Cap(result.Summary),
            ["url"] = result.Url,
            ["section"] = result.Section,
            ["digest_title"] = Cap(result.DigestTitle),
            ["digest_date"] = result.DigestDate,
            ["also_in_count"] = result.AlsoIn.Count,
        };
    }

    /// <summary>Variables of <c>/refs</c>: <c>query, entry, references, count</c>.</summary>
    public static Dictionary<string, object?> References(ReferencesReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return new()
        {
            ["query"] = Cap(reply.Query),
            ["entry"] = SearchItem(reply.Entry, 1),
            ["references"] = reply.References.Select((r, i) => Reference(r, i + 1)).ToList(),
            ["count"] = reply.References.Count,
        };
    }

    /// <summary>One reference as <c>item</c>: <c>index, title, url, kind, arxiv_id, doi, also_in_count, also_in[]</c>.</summary>
    public static Dictionary<string, object?> Reference(CitedReference cited, int index)
    {
        ArgumentNullException.ThrowIfNull(cited);
        var reference = cited.Reference;
        return new()
        {
            ["index"] = index,
            ["title"] = Cap(string.IsNullOrWhiteSpace(reference.Title) ? reference.Url : reference.Title),
            ["url"] = Bot.Digests.References.ReferenceDisplayUrls.ForReader(reference.Url),
            ["kind"] = reference.Kind.ToString().ToLowerInvariant(),
            ["arxiv_id"] = reference.ArxivId,
            ["doi"] = reference.Doi,
            ["also_in_count"] = cited.AlsoIn.Count,
            ["also_in"] = cited.AlsoIn.Select(a => new Dictionary<string, object?>
            {
                ["digest_title"] = Cap(a.DigestTitle), ["digest_date"] = a.DigestDate, ["entry_title"] = Cap(a.EntryTitle),
            }).ToList(),
        };
    }

    /// <summary>Variables of an error: <c>message, hint</c>.</summary>
    public static Dictionary<string, object?> Error(ErrorReply error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new() { ["message"] = Cap(error.Message), ["hint"] = Cap(error.Hint) };
    }

    /// <summary>Variables of a plain confirmation: <c>text</c>.</summary>
    public static Dictionary<string, object?> Text(TextReply text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new() { ["text"] = Cap(text.Text) };
    }

    // A plain cut (not splitting a surrogate pair) is enough: every part is cut again, well before this point.
    private static string? Cap(string? text)
        => text is null || text.Length <= MaxValueLength ? text
            : text[..(char.IsHighSurrogate(text[MaxValueLength - 1]) ? MaxValueLength - 1 : MaxValueLength)] + TextTruncator.Ellipsis;

    private static Dictionary<string, object?> Digest(string id, string title, DateOnly? date, string? url) => new()
    {
        ["id"] = id,
        ["title"] = Cap(title),
        ["date"] = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["url"] = url,
    };
}
