using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Core.Text;

/// <summary>
/// Shortens text to a length limit (UTF-16 code units, which is never less than what the platforms count): cuts at a
/// word boundary when one is near, adds <c>…</c>, and never splits a text element (surrogate pair, combining sequence,
/// Hangul syllable, emoji ZWJ sequence) or link markup (<c>[text](url)</c>, <c>&lt;url|text&gt;</c>).
/// </summary>
public static partial class TextTruncator
{
    /// <summary>The ellipsis appended to shortened text.</summary>
    public const string Ellipsis = "…";

    /// <summary>Returns <paramref name="text"/> when it fits, else its longest clean prefix plus <c>…</c>, within <paramref name="maxLength"/>.</summary>
    public static string Truncate(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (string.IsNullOrEmpty(text) || text.Length <= maxLength)
        {
            return text ?? string.Empty;
        }

        var budget = maxLength - Ellipsis.Length;
        if (budget <= 0)
        {
            return maxLength >= Ellipsis.Length ? Ellipsis : string.Empty;
        }

        var cut = FindCut(text, budget);
        var kept = text[..cut].TrimEnd();
        return kept.Length == 0 ? Ellipsis : kept + Ellipsis;
    }

    /// <summary>The number of text elements (user-perceived characters) in <paramref name="text"/>.</summary>
    public static int TextElementCount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new StringInfo(text).LengthInTextElements;
    }

    private static int FindCut(string text, int budget)
    {
        var links = LinkSpans(text, budget);
        var lastBoundary = 0;
        var lastWordBoundary = 0;
        var position = 0;
        var link = 0;
        while (position < text.Length)
        {
            var next = position + StringInfo.GetNextTextElementLength(text.AsSpan(position));
            if (next > budget)
            {
                break;
            }

            position = next;

            // Positions only grow, so the spans behind us are done with.
            while (link < links.Count && links[link].End <= position)
            {
                link++;
            }

            if (link < links.Count && position > links[link].Start)
            {
                continue;
            }

            lastBoundary = position;
            if (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                lastWordBoundary = position;
            }
        }

        // A word boundary in the last half (or a link end) reads better; unspaced text (e.g. CJK runs) cuts between elements.
        return lastWordBoundary > 0 && lastWordBoundary >= budget / 2 ? lastWordBoundary : lastBoundary;
    }

    private static List<(int Start, int End)> LinkSpans(string text, int budget)
    {
        var spans = new List<(int, int)>();
        foreach (Match match in LinkMarkup().Matches(text))
        {
            if (match.Index > budget)
            {
                break;
            }

            spans.Add((match.Index, match.Index + match.Length));
        }

        return spans;
    }

    // Discord/Markdown [text](url) with escaped brackets inside the text, and Slack <url|text> / <url>.
    [GeneratedRegex(@"\[(?:[^\[\]\\\n]|\\.)*\]\([^)\s]*\)|<[^<>\s|]+(?:\|[^<>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex LinkMarkup();
}
