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

        var match = FileNameDate().Match(fileName);
        return match.Success ? Create(match) : null;
    }

    /// <summary>The slug of a dated file name: <c>2024-07-10-ai-trend.md</c> gives <c>ai-trend</c>; an undated name gives its stem.</summary>
    public static string? SlugOf(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var stem = Path.GetFileNameWithoutExtension(fileName);
        var match = FileNameDate().Match(fileName);
        var slug = match.Success ? stem[match.Length..] : stem;
        return slug.Length > 0 ? slug : stem;
    }

    private static DateOnly? Create(Match match)
    {
        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        return year is >= 1900 and <= 2999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    [GeneratedRegex(@"^\s*['""]?(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDate();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})-", RegexOptions.CultureInvariant)]
    private static partial Regex FileNameDate();
}
