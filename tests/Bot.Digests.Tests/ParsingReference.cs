using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using Bot.Digests.Parsing;

namespace Bot.Digests.Tests;

/// <summary>The code the parser's shortcuts replaced, kept as the reference <see cref="ParseShortcutTests"/> compares them with.</summary>
internal static partial class ParsingReference
{
    public static DateOnly? SafeDate(Match match)
    {
        if (!match.Success)
        {
            return null;
        }

        var ok = int.TryParse(match.Groups["y"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            & int.TryParse(match.Groups["m"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            & int.TryParse(match.Groups["d"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var d);
        return ok && y is >= 1900 and <= 2999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }

    public static (bool Matched, DateOnly? Date) OldLeadingDate(string text)
    {
        var match = OldLeadingDatePattern().Match(text);
        return (match.Success, SafeDate(match));
    }

    // The digest id as the interpolated-string version built it (kept here as the reference).
    public static string OldDigestId(string? fileName, DateOnly? date, string title)
    {
        if (fileName is not null && DateReader.FromFileName(fileName) is not null)
        {
            return Path.GetFileNameWithoutExtension(fileName);
        }

        var datePart = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
        var seed = title.Length > 0 ? title : fileName ?? string.Empty;
        var slug = new StringBuilder();
        var pendingDash = false;
        foreach (var c in seed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && slug.Length > 0)
                {
                    slug.Append('-');
                }

                pendingDash = false;
                slug.Append(char.ToLowerInvariant(c));
                if (slug.Length >= 32)
                {
                    break;
                }
            }
            else
            {
                pendingDash = true;
            }
        }

        var slugText = slug.ToString().TrimEnd('-');
        var hash = StableIds.Hash(StableIds.Normalise(seed))[..8];
        return slugText.Length > 0 ? $"{datePart}-{slugText}-{hash}" : $"{datePart}-{hash}";
    }

    // Container depth of one line as the line-split version measured it.
    /// <summary>TrailingDefinitions' body check before it searched for "]:": every "[^", then its line start.</summary>
    public static bool OldDefinesFootnotes(ReadOnlySpan<char> body)
    {
        var offset = 0;
        while (true)
        {
            var found = body[offset..].IndexOf("[^", StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            var at = offset + found;
            var indent = 0;
            while (indent < 4 && at - indent - 1 >= 0 && body[at - indent - 1] is ' ' or '\t')
            {
                indent++;
            }

            var lineStart = at - indent == 0 || body[at - indent - 1] == '\n';
            var close = body[at..].IndexOfAny(']', '\n');
            if (lineStart && close > 0 && body[at + close] == ']' && at + close + 1 < body.Length && body[at + close + 1] == ':')
            {
                return true;
            }

            offset = at + 2;
        }
    }

    /// <summary>HostileShapes' bracket bound before it counted ']' first.</summary>
    public static bool OldMayHaveBracketParagraph(string markdown, int maxBrackets) =>
        (long)markdown.AsSpan().Count('[') + markdown.AsSpan().Count("](") > maxBrackets;

    public static int OldNesting(string line)
    {
        var depth = 0;
        var spaces = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == ' ')
            {
                spaces++;
            }
            else if (c == '\t')
            {
                spaces += 4;
            }
            else if (c is '>' or '-' or '*' or '+' && (i + 1 == line.Length || line[i + 1] is ' ' or '\t' or '>'))
            {
                depth++;
            }
            else
            {
                break;
            }
        }

        return depth + (spaces / 2);
    }

    [GeneratedRegex(@"^\s*['""]?(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex OldLeadingDatePattern();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})-", RegexOptions.CultureInvariant)]
    public static partial Regex OldFileNameDate();
}
