using System.Text;
using System.Text.RegularExpressions;

using Bot.Digests.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Digests.Parsing;

/// <summary>
/// Daily briefings: every linked bullet under <c>Today's Preview</c>, <c>Today's Overview</c> or
/// <c>Community Summary</c> is an entry, titled by its bold lead (or first link), sectioned by its parent
/// bullet or bold numbered sub-head, with its inline links as references. A topic bullet whose sub-bullets
/// carry the links is an entry of its own in the heading's section (its references are the sub-bullets' links).
/// </summary>
internal sealed partial class BriefingReader(ParseContext context, string? digestTitle)
{
    private const int MaxDepth = 16;
    private readonly EntryContent _content = new(context, null);
    private string? _scope;
    private string? _group;
    private bool _viewpointPending;
    private bool _sawBriefingHeading;
    private string? _introHeading;
    private readonly List<ParagraphBlock> _introParagraphs = [];
    private readonly List<EntryDraft> _previewEntries = [];
    private readonly List<EntryDraft> _topicEntries = [];

    /// <summary>True when <paramref name="cleanTitle"/> names one of the briefing headings.</summary>
    public static bool IsBriefingHeading(string cleanTitle) =>
        IsScope(cleanTitle) || cleanTitle.StartsWith("AI Viewpoint", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the top-level blocks of <paramref name="document"/>.</summary>
    public void Read(MarkdownDocument document)
    {
        foreach (var block in document)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    OnHeading(heading);
                    break;
                case QuoteBlock quote when _viewpointPending:
                    context.Viewpoint = string.Join(" ", quote.OfType<ParagraphBlock>().Select(p => InlineText.Of(p)).Where(t => t.Length > 0));
                    _viewpointPending = false;
                    break;
                case ParagraphBlock paragraph:
                    OnParagraph(paragraph);
                    break;
                case ListBlock list when _scope is not null || !_sawBriefingHeading:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        VisitItem(item, _group ?? _scope ?? "Highlights", 0, []);
                    }

                    break;
            }
        }

        DropRepeatedPreview();
        if (!AnyEntryCites(context.Sections))
        {
            AddLeadStory();
        }

        context.Sections.RemoveAll(s => s.Entries.Count == 0);
    }

    private static bool AnyEntryCites(List<SectionDraft> sections)
    {
        foreach (var section in sections)
        {
            foreach (var entry in section.Entries)
            {
                if (entry.References.Count > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsScope(string title) =>
        title.Equals("Today's Preview", StringComparison.OrdinalIgnoreCase)
        || title.Equals("Today's Overview", StringComparison.OrdinalIgnoreCase)
        || title.Equals("Community Summary", StringComparison.OrdinalIgnoreCase)
        || title.Equals("Today’s Preview", StringComparison.OrdinalIgnoreCase)
        || title.Equals("Today’s Overview", StringComparison.OrdinalIgnoreCase);

    private void OnHeading(HeadingBlock heading)
    {
        var title = SectionKeys.StripSymbols(InlineText.Of(heading));
        if (IsScope(title))
        {
            _scope = title;
            _group = null;
            _viewpointPending = false;
            _sawBriefingHeading = true;
            return;
        }

        if (title.StartsWith("AI Viewpoint", StringComparison.OrdinalIgnoreCase))
        {
            _scope = null;
            _viewpointPending = true;
            _sawBriefingHeading = true;
            return;
        }

        if (heading.Level == 1)
        {
            context.FirstHeading ??= title;
        }

        if (!_sawBriefingHeading)
        {
            _introHeading ??= title.Length > 0 ? title : null;
        }

        if (heading.Level <= 2)
        {
            _scope = null;
        }
    }

    private void OnParagraph(ParagraphBlock paragraph)
    {
        if (_viewpointPending)
        {
            context.Viewpoint = InlineText.Of(paragraph);
            _viewpointPending = context.Viewpoint.Length == 0;
            return;
        }

        var subHead = TrySubHead(paragraph);
        if (_scope is null && !_sawBriefingHeading)
        {
            _introParagraphs.Add(paragraph);
            if (context.Intro is null && subHead is null && InlineText.Of(paragraph) is { Length: > 0 } intro)
            {
                context.Intro = intro;
            }
        }

        if (subHead is not null && (_scope is not null || !_sawBriefingHeading))
        {
            _group = subHead;
        }
    }

    private void Track(EntryDraft entry)
        => (IsPreview(_scope) ? _previewEntries : _topicEntries).Add(entry);

    private static bool IsPreview(string? scope)
        => scope is not null && (scope.Equals("Today's Preview", StringComparison.OrdinalIgnoreCase) || scope.Equals("Today’s Preview", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Today's Preview announces the topics that follow; when the topic sections cite the same links, a preview entry
    /// all of whose links come again later would post each link twice, so it gives way to the fuller topic entry.
    /// </summary>
    private void DropRepeatedPreview()
    {
        if (_previewEntries.Count == 0 || _topicEntries.Count == 0)
        {
            return;
        }

        var later = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in _topicEntries)
        {
            foreach (var reference in topic.References)
            {
                later.Add(reference.CanonicalUrl);
            }
        }

        foreach (var entry in _previewEntries)
        {
            if (entry.References.Count > 0 && entry.References.TrueForAll(r => later.Contains(r.CanonicalUrl)))
            {
                entry.Section.Entries.Remove(entry);
            }
        }
    }

    /// <summary>A briefing whose bullets carry no links still yields its lead story: the intro, with the intro's links.</summary>
    private void AddLeadStory()
    {
        var withLinks = _introParagraphs.Where(ParseContext.HasLinks).ToList();
        if (withLinks.Count == 0)
        {
            return;
        }

        var title = _introHeading ?? digestTitle ?? FirstLinkText(withLinks) ?? "Lead story";
        var line = _introParagraphs[0].Line + 1;
        var entry = new EntryDraft(title, line, context.SectionFor("Lead", line));
        foreach (var paragraph in _introParagraphs)
        {
            _content.AddParagraph(entry, paragraph, 0);
        }

        entry.Section.Entries.Add(entry);
    }

    private void VisitItem(ListItemBlock item, string sectionTitle, int depth, List<EntryDraft> produced)
    {
        var paragraphs = new List<ParagraphBlock>(1);
        var nestedLists = new List<ListBlock>();
        var hasOwnLinks = false;
        foreach (var child in item)
        {
            if (child is ParagraphBlock paragraph)
            {
                paragraphs.Add(paragraph);
                hasOwnLinks = hasOwnLinks || ParseContext.HasLinks(paragraph);
            }
            else if (child is ListBlock list)
            {
                nestedLists.Add(list);
            }
        }

        var line = item.Line + 1;
        // A topic without a link is still a topic: an entry without references (it used to vanish, with no warning).
        if (hasOwnLinks || (nestedLists.Count == 0 && paragraphs.Count > 0))
        {
            var first = paragraphs[0];
            var title = BoldLead(first) ?? FirstLinkText(paragraphs) ?? InlineText.Of(first);
            if (title.Length == 0)
            {
                return;
            }

            var entry = new EntryDraft(title, line, context.SectionFor(sectionTitle, line));
            foreach (var paragraph in paragraphs)
            {
                _content.AddParagraph(entry, paragraph, 0);
            }

            foreach (var nested in nestedLists)
            {
                _content.AddList(entry, nested, 1);
            }

            entry.Section.Entries.Add(entry);
            Track(entry);
            produced.Add(entry);
            return;
        }

        if (nestedLists.Count == 0 || depth >= MaxDepth)
        {
            return;
        }

        var topic = SectionKeys.StripSymbols(paragraphs.Count == 1 ? InlineText.Of(paragraphs[0]) : string.Join(" ", paragraphs.Select(p => InlineText.Of(p)))).TrimEnd(':').Trim();
        var childSection = topic.Length > 0 ? topic : sectionTitle;
        var rollup = topic.Length > 0 ? new EntryDraft(topic, line, context.SectionFor(sectionTitle, line)) { IsRollup = true } : null;
        var children = new List<EntryDraft>();
        foreach (var child in nestedLists.SelectMany(l => l.OfType<ListItemBlock>()))
        {
            VisitItem(child, childSection, depth + 1, children);
        }

        produced.AddRange(children);

        if (rollup is null)
        {
            return;
        }

        foreach (var entry in children.Where(e => !e.IsRollup))
        {
            rollup.Bullets.Add(new Bullet(entry.Title, 0));
            for (var i = 0; i < entry.References.Count; i++)
            {
                rollup.AddReference(entry.References[i], entry.ReferenceLines[i]);
            }
        }

        if (rollup.References.Count > 0)
        {
            rollup.Section.Entries.Add(rollup);
            Track(rollup);
        }
    }

    /// <summary>The bold lead of <c>- **Lead**: text</c>, without its colon.</summary>
    private static string? BoldLead(ParagraphBlock paragraph)
    {
        if (paragraph.Inline?.FirstChild is not EmphasisInline { DelimiterCount: 2 } bold)
        {
            return null;
        }

        var lead = InlineText.Of(bold);
        var next = bold.NextSibling;
        var colonAfter = next is LiteralInline literal && literal.Content.AsSpan().TrimStart().StartsWith(':');
        if (!colonAfter && !lead.EndsWith(':'))
        {
            return null;
        }

        lead = lead.TrimEnd(':', ' ');
        return lead.Length > 0 ? lead : null;
    }

    private static string? FirstLinkText(List<ParagraphBlock> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            foreach (var link in InlineText.LinksOf(paragraph))
            {
                var text = PlainTextBuilder.Rent();
                InlineText.Append(text, link, 0);
                var title = text.ToString();
                PlainTextBuilder.Return(text);
                if (title.Length > 0)
                {
                    return title;
                }
            }
        }

        return null;
    }

    /// <summary>A paragraph that is only bold text: <c>**1. Topic**</c> or <c>**2.Topic**</c> gives <c>Topic</c>.</summary>
    private static string? TrySubHead(ParagraphBlock paragraph)
    {
        EmphasisInline? bold = null;
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is EmphasisInline { DelimiterCount: 2 } emphasis && bold is null)
            {
                bold = emphasis;
            }
            else if (inline is not LiteralInline literal || !literal.Content.AsSpan().Trim().Trim(':').IsEmpty)
            {
                return null;
            }
        }

        if (bold is null)
        {
            return null;
        }

        var text = InlineText.Of(bold).TrimEnd(':').Trim();
        // The pattern opens with a digit: most bold paragraphs are turned away without running it.
        var numbered = text.Length > 0 && char.IsDigit(text[0]) ? NumberedHead().Match(text) : Match.Empty;
        var title = SectionKeys.StripSymbols(numbered.Success ? numbered.Groups["title"].Value : text);
        return title.Length > 0 ? title : null;
    }

    [GeneratedRegex(@"^\d{1,3}\s*[.)]\s*(?<title>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedHead();
}
