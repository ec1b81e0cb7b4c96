using System.Text;
using System.Text.RegularExpressions;

using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Digests.Parsing;

/// <summary>Plain text of inline trees: code spans and link text kept, footnote markers, images and HTML dropped.</summary>
internal static partial class InlineText
{
    /// <summary>Plain text of a paragraph or heading, whitespace collapsed.</summary>
    public static string Of(LeafBlock block, InlineScan? scan = null) => block.Inline is null ? string.Empty : Of(block.Inline, scan);

    /// <summary>Plain text of an inline container, whitespace collapsed; footnotes and links go to <paramref name="scan"/>.</summary>
    public static string Of(ContainerInline container, InlineScan? scan = null)
    {
        var text = PlainTextBuilder.Rent();
        Append(text, container, 0, scan);
        var result = Finish(text, scan);
        PlainTextBuilder.Return(text);
        return result;
    }

    /// <summary>The collapsed text, with literal <c>[^id]</c> markers noted in <paramref name="scan"/> and dropped.</summary>
    public static string Finish(PlainTextBuilder text, InlineScan? scan)
    {
        var raw = text.ToString();

        // '^' alone first: one vectorised pass over text that nearly never has it (a search for "[^" cost more).
        if (!raw.Contains('^') || !raw.Contains("[^", StringComparison.Ordinal))
        {
            return raw;
        }

        if (scan is not null)
        {
            AddUndefinedFootnotes(raw, scan.LiteralLabels);
        }

        return SectionKeys.CollapseWhitespace(StripUndefinedFootnotes(raw));
    }

    /// <summary>Appends the plain text of <paramref name="inline"/> and its children, noting footnotes and links in <paramref name="scan"/>.</summary>
    public static void Append(PlainTextBuilder text, Inline inline, int depth, InlineScan? scan = null)
    {
        switch (inline)
        {
            case LiteralInline literal:
                var slice = literal.Content.AsSpan();
                if (!IsAttributeList(slice))
                {
                    text.Append(slice);
                    if (scan is { LinkDepth: 0 } && slice.Contains(':') && slice.Contains("://", StringComparison.Ordinal))
                    {
                        scan.FindBareUrls(slice);
                    }
                }

                break;
            case CodeInline code:
                text.Append(code.ContentSpan);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url.AsSpan());
                scan?.Links.Add(autolink);
                break;
            case FootnoteLink footnote:
                if (scan is not null && !footnote.IsBackLink && footnote.Footnote?.Label is { } label)
                {
                    scan.FootnoteLabels.Add(FootnoteIndex.LabelOf(label));
                }

                break;
            case LinkInline { IsImage: true }:
            case HtmlInline:
                break;
            case LinkInline link when depth < 64:
                scan?.Links.Add(link);
                if (scan is not null)
                {
                    scan.LinkDepth++;
                }

                for (var child = link.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(text, child, depth + 1, scan);
                }

                if (scan is not null)
                {
                    scan.LinkDepth--;
                }

                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                text.AppendSpace();
                break;
            case ContainerInline container when depth < 64:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(text, child, depth + 1, scan);
                }

                break;
        }
    }

    /// <summary>
    /// True when <see cref="Append"/> with a scan would note a link, an autolink or a bare URL: the same walk
    /// (images, HTML and footnotes skipped; attribute lists ignored; at most 64 levels) without building text.
    /// </summary>
    public static bool HasLinks(ContainerInline container, int depth)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child)
            {
                case LiteralInline literal:
                    var slice = literal.Content.AsSpan();
                    if (slice.Contains("://", StringComparison.Ordinal) && !IsAttributeList(slice))
                    {
                        var scan = new InlineScan();
                        scan.FindBareUrls(slice);
                        if (scan.HasLinks)
                        {
                            return true;
                        }
                    }

                    break;
                case AutolinkInline:
                case LinkInline { IsImage: false } when depth < 63:
                    return true;
                case LinkInline:
                case FootnoteLink:
                case HtmlInline:
                    break;
                case ContainerInline nested when depth < 63 && HasLinks(nested, depth + 1):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The links and autolinks <see cref="Append"/> with a scan would note, in order, without building text: the same walk
    /// (images and HTML skipped, link text entered, at most 64 levels).
    /// </summary>
    public static List<Inline> LinksOf(LeafBlock block)
    {
        var links = new List<Inline>();
        if (block.Inline is not null)
        {
            AddLinks(block.Inline, 0, links);
        }

        return links;
    }

    private static void AddLinks(Inline inline, int depth, List<Inline> links)
    {
        switch (inline)
        {
            case AutolinkInline autolink:
                links.Add(autolink);
                break;
            case LinkInline { IsImage: true }:
                break;
            case LinkInline link when depth < 64:
                links.Add(link);
                for (var child = link.FirstChild; child is not null; child = child.NextSibling)
                {
                    AddLinks(child, depth + 1, links);
                }

                break;
            case ContainerInline container when depth < 64 && inline is not LinkInline:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    AddLinks(child, depth + 1, links);
                }

                break;
        }
    }

    /// <summary>Footnote ids written as <c>[^id]</c> that Markdig left as text because they are not defined.</summary>
    public static void AddUndefinedFootnotes(string rawText, List<string> labels)
    {
        // EnumerateMatches allocates no Match objects: Matches() kept one (with its groups) per citation alive until the
        // end, 76 MB for the 380k undefined citations of a 4 MiB hostile file. The id is the match without "[^" and "]".
        foreach (var match in UndefinedFootnote().EnumerateMatches(rawText))
        {
            labels.Add(rawText.Substring(match.Index + 2, match.Length - 3));
        }
    }

    /// <summary>True for a Kramdown attribute list such as <c>{: width="600"}</c> or <c>{: .prompt-info }</c>.</summary>
    public static bool IsAttributeList(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        return trimmed.Length >= 3 && trimmed[0] == '{' && trimmed[1] == ':' && trimmed[^1] == '}';
    }

    /// <summary>Removes literal <c>[^id]</c> markers.</summary>
    public static string StripUndefinedFootnotes(string text) =>
        text.Contains("[^", StringComparison.Ordinal) ? UndefinedFootnote().Replace(text, " ") : text;

    [GeneratedRegex(@"\[\^(?<id>[^\]\s]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex UndefinedFootnote();
}
