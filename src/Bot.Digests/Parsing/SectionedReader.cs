using Bot.Digests.Model;
using Markdig.Syntax;

namespace Bot.Digests.Parsing;

/// <summary>
/// Jekyll/Chirpy digests: <c>##</c> sections, <c>###</c> entries (or a <c>##</c> heading carrying a footnote),
/// bullets, images with captions, and footnote references resolved against <c>## References</c>.
/// </summary>
internal sealed class SectionedReader
{
    private static readonly HashSet<string> ReferenceTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "References", "Reference", "Footnotes", "Sources", "참고", "참고 문헌", "참고문헌", "출처",
    };

    private readonly ParseContext _context;
    private readonly FootnoteIndex _footnotes;
    private readonly EntryContent _content;
    private readonly InlineScan _headingScan = new();
    private SectionDraft? _section;
    private EntryDraft? _entry;
    private bool _inReferences;

    public SectionedReader(ParseContext context, FootnoteIndex footnotes)
    {
        _context = context;
        _footnotes = footnotes;
        _content = new EntryContent(context, footnotes);
    }

    /// <summary>Reads the top-level blocks of <paramref name="document"/> into sections.</summary>
    public void Read(MarkdownDocument document)
    {
        foreach (var block in document)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    OnHeading(heading);
                    break;
                case ListBlock list when _entry is not null && !_inReferences:
                    _content.AddList(_entry, list, 0);
                    break;
                case ParagraphBlock paragraph when _entry is not null && !_inReferences:
                    _content.AddParagraph(_entry, paragraph, 0);
                    break;
                case QuoteBlock quote when _entry is not null && !_inReferences:
                    foreach (var paragraph in quote.OfType<ParagraphBlock>())
                    {
                        _content.AddParagraph(_entry, paragraph, 0);
                    }

                    break;
                case ParagraphBlock paragraph when _section is null && _context.Intro is null:
                    var text = InlineText.Of(paragraph);
                    _context.Intro = text.Length > 0 ? text : null;
                    break;
            }
        }

        CloseSection();
        _footnotes.ReportUnused(_context);
    }

    private void OnHeading(HeadingBlock heading)
    {
        var line = heading.Line + 1;
        var scan = _headingScan.Reset();
        var title = InlineText.Of(heading, scan);
        var citesFootnote = scan.CitesFootnote;
        if (heading.Level <= 2)
        {
            var clean = SectionKeys.StripSymbols(title);
            if (ReferenceTitles.Contains(clean.TrimEnd(':')))
            {
                CloseSection();
                _inReferences = true;
                return;
            }

            if (citesFootnote && !_inReferences)
            {
                // In the wild an entry is sometimes written as `## Title [^ref]`: an entry, not a new section.
                StartEntry(scan, title, line);
                return;
            }

            if (heading.Level == 1)
            {
                _context.FirstHeading ??= clean;
                return;
            }

            CloseSection();
            _inReferences = false;
            _section = new SectionDraft(clean, SectionKeys.FromTitle(clean), line);
            return;
        }

        if (_inReferences)
        {
            return;
        }

        if (heading.Level == 3 || _entry is null)
        {
            StartEntry(scan, title, line);
            return;
        }

        // A `####` under an entry is part of that entry.
        if (title.Length > 0)
        {
            _entry.Bullets.Add(new Bullet(title, 0));
        }

        _content.AddCitations(_entry, scan, line);
    }

    private void StartEntry(InlineScan scan, string title, int line)
    {
        CloseEntry();
        _section ??= new SectionDraft("General", "general", line);
        _entry = new EntryDraft(title, line, _section);
        _content.AddCitations(_entry, scan, line);
    }

    private void CloseEntry()
    {
        if (_entry is null)
        {
            return;
        }

        var entry = _entry;
        _entry = null;
        if (entry.Title.Length == 0)
        {
            var fallback = entry.References.Count > 0 ? entry.References[0].Title : null;
            if (fallback is null)
            {
                _context.Warn(ParseWarningCodes.EntryUntitled, "An entry heading has no title and no reference to take one from; it was skipped.", entry.Line);
                return;
            }

            _context.Warn(ParseWarningCodes.EntryUntitled, $"An entry heading has no title; its reference's title '{fallback}' is used.", entry.Line);
            entry.Title = fallback;
        }

        entry.Section.Entries.Add(entry);
    }

    private void CloseSection()
    {
        CloseEntry();
        if (_section is null)
        {
            return;
        }

        if (_section.Entries.Count == 0)
        {
            _context.Warn(ParseWarningCodes.SectionEmpty, $"Section '{_section.Title}' has no entries.", _section.Line);
        }
        else
        {
            _context.AddSection(_section);
        }

        _section = null;
    }
}
