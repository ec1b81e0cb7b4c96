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

    /// <summary>Removes emoji and other pictographic symbols, then collapses whitespace.</summary>
    public static string StripSymbols(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
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
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
