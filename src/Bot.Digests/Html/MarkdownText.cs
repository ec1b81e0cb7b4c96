using System.Text;

namespace Bot.Digests.Html;

/// <summary>Text-level helpers for <see cref="MarkdownEmitter"/>: escaping, whitespace collapsing, block-start guards.</summary>
internal static class MarkdownText
{
    /// <summary>Backslash-escapes what CommonMark would read as markup, except inside bare URLs, which the parser finds by scanning literal text.</summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        var wordStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || char.IsWhiteSpace(text[i]))
            {
                AppendWord(result, text.AsSpan(wordStart, i - wordStart));
                if (i < text.Length)
                {
                    result.Append(text[i]);
                }

                wordStart = i + 1;
            }
        }

        return result.ToString();
    }

    private static void AppendWord(StringBuilder result, ReadOnlySpan<char> word)
    {
        var url = word.Contains("://", StringComparison.Ordinal);
        foreach (var c in word)
        {
            if (c is '\\' or '`' or '*' or '[' or ']' or '<' or '>' or '&' || (!url && c is '_' or '!'))
            {
                result.Append('\\');
            }

            result.Append(c);
        }
    }

    /// <summary>HTML whitespace rules: runs of whitespace (newlines included) become one space; ends trimmed.</summary>
    public static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>Escapes a leading character that would open a heading, list, quote or setext underline.</summary>
    public static string GuardBlockStart(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        if (text[0] is '#' or '-' or '+' or '=' or '|' or '~' or ':')
        {
            return "\\" + text;
        }

        var digits = 0;
        while (digits < text.Length && digits < 10 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < text.Length && text[digits] is '.' or ')'
            ? string.Concat(text.AsSpan(0, digits), "\\", text.AsSpan(digits))
            : text;
    }

    /// <summary>The longest run of <paramref name="c"/> in <paramref name="text"/>, to pick a fence that cannot close early.</summary>
    public static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
