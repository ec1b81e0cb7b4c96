using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Digests.Parsing;

/// <summary>Dates as written in the wild: <c>2024-07-10 00:00:00 +/-TTTT</c>, <c>2024-04-29</c>, or a <c>yyyy-MM-dd-…</c> file name.</summary>
internal static partial class DateReader
{
    /// <summary>The calendar date at the start of <paramref name="text"/>, ignoring any junk after it.</summary>
    public static DateOnly? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TryReadPlainDate(text, out var plain))
        {
            return plain;
        }

        var match = LeadingDate().Match(text);
        if (match.Success)
        {
            return Create(match);
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed)
            ? DateOnly.FromDateTime(parsed)
            : null;
    }

    /// <summary>The date prefix of a Jekyll/Gatsby file name (<c>2024-07-10-slug.md</c>), or null.</summary>
    public static DateOnly? FromFileName(string? fileName)
    {
        if (fileName is null)
        {
            return null;
        }

        if (!MayStartWithDate(fileName))
        {
            return null;
        }

        var match = FileNameDate().Match(fileName);
        return match.Success ? Create(match) : null;
    }

    // The file name pattern is four, two and two one-char digits, each followed by '-': without those dashes it cannot match.
    private static bool MayStartWithDate(string fileName) =>
        fileName.Length >= 11 && fileName[4] == '-' && fileName[7] == '-' && fileName[10] == '-';

    /// <summary>
    /// What <see cref="LeadingDate"/> reads, for the usual <c>2024-05-10</c> (ASCII digits from the first char, one
    /// separator kind per position as the pattern allows) without running it; false for anything else, which the
    /// pattern then reads.
    /// </summary>
    internal static bool TryReadPlainDate(string text, out DateOnly? date)
    {
        date = null;
        var i = 0;
        if (!TryDigits(text, ref i, 4, 4, out var year) || !TrySeparator(text, ref i)
            || !TryDigits(text, ref i, 1, 2, out var month) || !TrySeparator(text, ref i)
            || !TryDigits(text, ref i, 1, 2, out var day) || (i < text.Length && char.IsDigit(text[i])))
        {
            return false;
        }

        date = Create(year, month, day);
        return true;
    }

    private static bool TryDigits(string text, ref int i, int min, int max, out int value)
    {
        value = 0;
        var start = i;
        while (i < text.Length && i - start < max && char.IsAsciiDigit(text[i]))
        {
            value = (value * 10) + (text[i++] - '0');
        }

        return i - start >= min;
    }

    private static bool TrySeparator(string text, ref int i)
    {
        if (i < text.Length && text[i] is '-' or '/' or '.')
        {
            i++;
            return true;
        }

        return false;
    }

    /// <summary>The slug of a dated file name: <c>2024-07-10-ai-trend.md</c> gives <c>ai-trend</c>; an undated name gives its stem.</summary>
    public static string? SlugOf(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var stem = Path.GetFileNameWithoutExtension(fileName);
        var match = MayStartWithDate(fileName) ? FileNameDate().Match(fileName) : Match.Empty;
        var slug = match.Success ? stem[match.Length..] : stem;
        return slug.Length > 0 ? slug : stem;
    }

    // \d also matches other scripts' digits, which int.Parse refuses: such a date is not read (it used to throw).
    private static DateOnly? Create(Match match) =>
        int.TryParse(match.Groups["y"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
        && int.TryParse(match.Groups["m"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
        && int.TryParse(match.Groups["d"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            ? Create(year, month, day)
            : null;

    private static DateOnly? Create(int year, int month, int day) =>
        year is >= 1900 and <= 2999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    [GeneratedRegex(@"^\s*['""]?(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDate();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})-", RegexOptions.CultureInvariant)]
    private static partial Regex FileNameDate();
}
