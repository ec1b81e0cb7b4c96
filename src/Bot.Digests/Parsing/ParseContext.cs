using System.Globalization;

using Bot.Digests.Model;
using Bot.Digests.References;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Digests.Parsing;

/// <summary>State shared by the readers of one parse: warnings, sections in order, inline link labels.</summary>
internal sealed class ParseContext
{
    // The first labels are shared by every parse (a digest cites tens of links, so this is most of them).
    private static readonly string[] LinkLabels = [.. Enumerable.Range(1, 256).Select(n => "link-" + n.ToString(CultureInfo.InvariantCulture))];

    private readonly Dictionary<string, SectionDraft> _sectionsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SectionDraft> _sectionsByTitle = new(StringComparer.Ordinal);
    private int _linkCounter;

    public List<ParseWarning> Warnings { get; } = [];

    public List<SectionDraft> Sections { get; } = [];

    /// <summary>The first paragraph before the first section (sectioned) or before the first briefing heading.</summary>
    public string? Intro { get; set; }

    /// <summary>The briefing's <c>AI Viewpoint</c> text.</summary>
    public string? Viewpoint { get; set; }

    /// <summary>The first <c>#</c> heading, a fallback title.</summary>
    public string? FirstHeading { get; set; }

    /// <summary>How many warnings each code raised, kept or not (a million undefined citations must not be a million objects).</summary>
    public Dictionary<string, int> WarningCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Warnings kept per code; the rest are only counted.</summary>
    public int MaxWarningsPerCode { get; init; } = DigestLimits.Default.MaxWarningsPerCode;

    /// <summary>True while <paramref name="code"/> is under its cap, so a warning raised now would be kept.</summary>
    public bool KeepsMore(string code) => WarningCounts.GetValueOrDefault(code) < MaxWarningsPerCode;

    /// <summary>Counts a warning that would not be kept anyway (see <see cref="KeepsMore"/>).</summary>
    public void CountOnly(string code) => WarningCounts[code] = WarningCounts.GetValueOrDefault(code) + 1;

    public void Warn(string code, string message, int line)
    {
        var count = WarningCounts[code] = WarningCounts.GetValueOrDefault(code) + 1;
        if (count <= MaxWarningsPerCode)
        {
            Warnings.Add(new ParseWarning(code, message, line));
        }
    }

    /// <summary>The section keyed like <paramref name="title"/>, created (in document order) on first use.</summary>
    public SectionDraft SectionFor(string title, int line)
    {
        if (_sectionsByTitle.TryGetValue(title, out var known))
        {
            return known;
        }

        var key = SectionKeys.FromTitle(title);
        if (!_sectionsByKey.TryGetValue(key, out var section))
        {
            section = new SectionDraft(title, key, line);
            _sectionsByKey[key] = section;
            Sections.Add(section);
        }

        _sectionsByTitle[title] = section;
        return section;
    }

    /// <summary>Adds a finished sectioned-format section (a repeated title merges into the first).</summary>
    public void AddSection(SectionDraft section)
    {
        if (_sectionsByKey.TryGetValue(section.Key, out var existing))
        {
            existing.Entries.AddRange(section.Entries);
            return;
        }

        _sectionsByKey[section.Key] = section;
        Sections.Add(section);
    }

    /// <summary>A reference for an inline link, labelled <c>link-N</c> in document order; null for empty or mail links.</summary>
    public Reference? InlineReference(Inline inline)
    {
        string url;
        string title;
        switch (inline)
        {
            case LinkInline { IsImage: false } link when !string.IsNullOrWhiteSpace(link.Url):
                url = link.Url!;
                title = InlineText.Of(link);
                break;
            case AutolinkInline { IsEmail: false } autolink when !string.IsNullOrWhiteSpace(autolink.Url):
                url = autolink.Url;
                title = autolink.Url;
                break;
            default:
                return null;
        }

        if (url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        _linkCounter++;
        return CreateReference(LinkLabel(_linkCounter), title, url);
    }

    /// <summary>A reference for a bare URL written as text, labelled <c>link-N</c>.</summary>
    public Reference BareReference(string url)
    {
        _linkCounter++;
        return CreateReference(LinkLabel(_linkCounter), url, url);
    }

    private static string LinkLabel(int n) => n <= LinkLabels.Length ? LinkLabels[n - 1] : "link-" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when a block has a link or a bare URL (what <see cref="InlineText.Append"/> with a scan would note, without building text).</summary>
    public static bool HasLinks(LeafBlock block) => block.Inline is not null && InlineText.HasLinks(block.Inline, 0);

    /// <summary>Builds a reference with its canonical URL, kind, arXiv id and DOI.</summary>
    public static Reference CreateReference(string label, string title, string url)
    {
        var info = ReferenceUrls.Analyze(url);
        var trimmedUrl = url.Trim();
        return new Reference(label, title.Length > 0 ? title : trimmedUrl, trimmedUrl, info.CanonicalUrl, info.Kind, info.ArxivId, info.Doi);
    }
}
