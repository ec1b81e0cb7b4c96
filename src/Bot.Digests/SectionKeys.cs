using System.Globalization;
using System.Text;

namespace Bot.Digests;

/// <summary>Section titles and keys: <c>## 💡 **News**</c> is titled <c>News</c> and keyed <c>news</c>.</summary>
public static class SectionKeys
{
    /// <summary>The key of <paramref name="title"/>: lowercased, every run of non-letters/digits folded to one <c>-</c>, trimmed.</summary>
    public static string FromTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return IsAsciiOrHangul(title) ? FromAsciiOrHangulTitle(title) : FromAnyTitle(title);
    }

    /// <summary>Removes emoji and other pictographic symbols, then collapses whitespace.</summary>
    public static string StripSymbols(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().ContainsAnyExcept(CannotBeSymbols) ? StripAnySymbols(text) : CollapseWhitespace(text);
    }

    /// <summary>
    /// Characters that are never a symbol <see cref="StripSymbols"/> removes (tested over every char): ASCII and
    /// Latin-1 up to U+00A5, Latin letters, general punctuation dashes and quotes, Hangul, CJK ideographs. Text made
    /// only of these (nearly every title) skips the per-rune category lookups.
    /// </summary>
    internal static readonly System.Buffers.SearchValues<char> CannotBeSymbols = System.Buffers.SearchValues.Create(
        string.Concat(Range('\0', '\u00A5'), Range('\u00C0', '\u024F'), Range('\u2010', '\u2027'), Range('\u3131', '\u318E'), Range('\u4E00', '\u9FFF'), Range('\uAC00', '\uD7A3')));

    private static string Range(char first, char last) => new(Enumerable.Range(first, last - first + 1).Select(c => (char)c).ToArray());

    private static bool IsAsciiOrHangul(string title)
    {
        foreach (var c in title)
        {
            if (c >= 0x80 && c is < '\uAC00' or > '\uD7A3')
            {
                return false;
            }
        }

        return true;
    }

    // The same key as FromAnyTitle for ASCII and Hangul syllables: ASCII letters and digits are the only ASCII
    // letters/digits, and Hangul syllables are letters without case (tested).
    private static string FromAsciiOrHangulTitle(string title)
    {
        Span<char> buffer = title.Length <= 256 ? stackalloc char[title.Length] : new char[title.Length];
        var length = 0;
        var pendingDash = false;
        foreach (var c in title)
        {
            if (c < 0x80 && !char.IsAsciiLetterOrDigit(c))
            {
                pendingDash = true;
                continue;
            }

            if (pendingDash && length > 0)
            {
                buffer[length++] = '-';
            }

            pendingDash = false;
            buffer[length++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }

        return length == 0 ? "section" : new string(buffer[..length]);
    }

    internal static string FromAnyTitle(string title)
    {
        var key = new StringBuilder(title.Length);
        var pendingDash = false;
        foreach (var rune in title.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                if (pendingDash && key.Length > 0)
                {
                    key.Append('-');
                }

                pendingDash = false;
                AppendRune(key, Rune.ToLowerInvariant(rune));
            }
            else
            {
                pendingDash = true;
            }
        }

        return key.Length == 0 ? "section" : key.ToString();
    }

    internal static string StripAnySymbols(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var isDecoration = category is UnicodeCategory.OtherSymbol or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                || rune.Value is 0xFE0F or 0xFE0E or 0x200D or 0x20E3;
            if (isDecoration)
            {
                clean.Append(' ');
            }
            else
            {
                AppendRune(clean, rune);
            }
        }

        return CollapseWhitespace(clean.ToString());
    }

    private static void AppendRune(StringBuilder builder, Rune rune)
    {
        Span<char> buffer = stackalloc char[2];
        builder.Append(buffer[..rune.EncodeToUtf16(buffer)]);
    }

    /// <summary>Trims and folds every whitespace run to one space.</summary>
    public static string CollapseWhitespace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        var first = span.IndexOfAnyExcept(Parsing.PlainTextBuilder.WhiteSpace);
        if (first < 0)
        {
            return string.Empty;
        }

        var clean = span[first..(span.LastIndexOfAnyExcept(Parsing.PlainTextBuilder.WhiteSpace) + 1)];
        if (clean.Length == span.Length && !HasWhiteSpaceRunOrOddSpace(clean))
        {
            return text;
        }

        var builder = new Parsing.PlainTextBuilder();
        builder.Append(clean);
        return builder.ToString();
    }

    // True when a run of two or more whitespace characters, or any whitespace other than ' ', occurs.
    private static bool HasWhiteSpaceRunOrOddSpace(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var space = text.IndexOfAny(Parsing.PlainTextBuilder.WhiteSpace);
            if (space < 0)
            {
                return false;
            }

            if (text[space] != ' ' || (space + 1 < text.Length && char.IsWhiteSpace(text[space + 1])))
            {
                return true;
            }

            text = text[(space + 1)..];
        }
    }
}
