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
    public static string Of(LeafBlock block) => block.Inline is null ? string.Empty : Of(block.Inline);

    /// <summary>Plain text of an inline container, whitespace collapsed.</summary>
    public static string Of(ContainerInline container)
    {
        var text = new StringBuilder();
        Append(text, container, 0);
        return SectionKeys.CollapseWhitespace(StripUndefinedFootnotes(text.ToString()));
    }

    /// <summary>Appends the plain text of <paramref name="inline"/> and its children.</summary>
    public static void Append(StringBuilder text, Inline inline, int depth)
    {
        switch (inline)
        {
            case LiteralInline literal:
                var slice = literal.Content;
                if (!IsAttributeList(slice.AsSpan()))
                {
                    text.Append(slice.AsSpan());
                }

                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case LinkInline { IsImage: true }:
            case FootnoteLink:
            case HtmlInline:
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case ContainerInline container when depth < 64:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(text, child, depth + 1);
                }

                break;
        }
    }

    /// <summary>Footnote ids written as <c>[^id]</c> that Markdig left as text because they are not defined.</summary>
    public static IEnumerable<string> UndefinedFootnotes(string rawText)
    {
        foreach (Match match in UndefinedFootnote().Matches(rawText))
        {
            yield return match.Groups["id"].Value;
        }
    }

    /// <summary>Raw literal text of a block (for spotting undefined <c>[^id]</c> markers).</summary>
    public static string RawLiterals(LeafBlock block)
    {
        if (block.Inline is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var literal in block.Inline.FindDescendants<LiteralInline>())
        {
            text.Append(literal.Content.AsSpan());
        }

        return text.ToString();
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
