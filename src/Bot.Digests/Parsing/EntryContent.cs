using Bot.Digests.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Digests.Parsing;

/// <summary>Adds a paragraph's text, images with captions, footnote citations and inline links to an entry.</summary>
internal sealed class EntryContent(ParseContext context, FootnoteIndex? footnotes)
{
    private const int MaxBulletDepth = 16;

    private readonly PlainTextBuilder _text = new();
    private readonly InlineScan _scan = new();

    /// <summary>The image waiting for a <c>_caption_</c> paragraph right after it.</summary>
    private (EntryDraft Entry, int Index)? _captionless;

    /// <summary>Adds the citations a heading or paragraph scan found (footnotes, then inline links) to <paramref name="entry"/>.</summary>
    public void AddCitations(EntryDraft entry, InlineScan scan, int blockLine)
    {
        if (footnotes is not null && scan.CitesFootnote)
        {
            foreach (var label in footnotes.CitedBy(scan, blockLine, context))
            {
                foreach (var reference in footnotes.Resolve(label, out var line))
                {
                    entry.AddReference(reference, line);
                }
            }
        }

        if (!scan.HasLinks)
        {
            return;
        }

        foreach (var link in scan.Links)
        {
            if (context.InlineReference(link) is { } reference)
            {
                entry.AddReference(reference, link.Line > 0 ? link.Line + 1 : blockLine);
            }
        }

        foreach (var url in scan.BareUrls)
        {
            entry.AddReference(context.BareReference(url), blockLine);
        }
    }

    /// <summary>Adds a list (bullets or numbered) with its nesting to <paramref name="entry"/>.</summary>
    public void AddList(EntryDraft entry, ListBlock list, int depth)
    {
        _captionless = null;
        foreach (var item in list)
        {
            if (item is not ListItemBlock listItem)
            {
                continue;
            }

            foreach (var child in listItem)
            {
                switch (child)
                {
                    case ParagraphBlock paragraph:
                        AddParagraph(entry, paragraph, Math.Min(depth, MaxBulletDepth));
                        break;
                    case ListBlock nested:
                        AddList(entry, nested, depth + 1);
                        break;
                }
            }
        }
    }

    /// <summary>Adds a paragraph: images (caption from an emphasis after them), the rest of its text as a bullet.</summary>
    public void AddParagraph(EntryDraft entry, ParagraphBlock paragraph, int depth)
    {
        if (paragraph.Inline is null)
        {
            return;
        }

        if (_captionless is { } pending && pending.Entry == entry && TryCaptionOnly(paragraph, out var caption))
        {
            entry.Images[pending.Index] = entry.Images[pending.Index] with { Caption = caption };
            _captionless = null;
            return;
        }

        _captionless = null;
        var text = _text.Clear();
        var scan = _scan.Reset();
        var awaitingCaption = -1;
        for (var inline = paragraph.Inline.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is LinkInline { IsImage: true } image)
            {
                entry.Images.Add(new DigestImage(image.Url ?? string.Empty, null));
                awaitingCaption = entry.Images.Count - 1;
                continue;
            }

            if (awaitingCaption >= 0 && IsFiller(inline))
            {
                continue;
            }

            if (awaitingCaption >= 0 && inline is EmphasisInline { DelimiterCount: 1 } emphasis)
            {
                entry.Images[awaitingCaption] = entry.Images[awaitingCaption] with { Caption = InlineText.Of(emphasis) };
                awaitingCaption = -1;
                continue;
            }

            awaitingCaption = -1;
            InlineText.Append(text, inline, 0, scan);
        }

        if (awaitingCaption >= 0)
        {
            _captionless = (entry, awaitingCaption);
        }

        var bullet = InlineText.Finish(text, scan);

        if (bullet.Length > 0)
        {
            entry.Bullets.Add(new Bullet(bullet, depth));
        }

        AddCitations(entry, scan, paragraph.Line + 1);
    }

    private static bool IsFiller(Inline inline) => inline switch
    {
        LineBreakInline or HtmlEntityInline => true,
        LiteralInline literal => literal.Content.IsEmptyOrWhitespace() || InlineText.IsAttributeList(literal.Content.AsSpan()),
        _ => false,
    };

    private static bool TryCaptionOnly(ParagraphBlock paragraph, out string caption)
    {
        caption = string.Empty;
        EmphasisInline? found = null;
        for (var inline = paragraph.Inline!.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is EmphasisInline { DelimiterCount: 1 } emphasis && found is null)
            {
                found = emphasis;
            }
            else if (!IsFiller(inline))
            {
                return false;
            }
        }

        if (found is null)
        {
            return false;
        }

        caption = InlineText.Of(found);
        return caption.Length > 0;
    }
}
