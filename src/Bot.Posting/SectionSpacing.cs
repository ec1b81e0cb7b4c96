using System.Globalization;

namespace Bot.Posting;

/// <summary>The time between a subscription's sections (<c>SectionSpacing</c>): an invariant TimeSpan from 0 to 7 days.</summary>
public static class SectionSpacing
{
    /// <summary>Parses a section spacing; empty means back to back.</summary>
    public static bool TryParse(string? text, out TimeSpan spacing)
        => TimeSpan.TryParse(string.IsNullOrWhiteSpace(text) ? "0" : text, CultureInfo.InvariantCulture, out spacing)
            && spacing >= TimeSpan.Zero && spacing <= TimeSpan.FromDays(7);
}
