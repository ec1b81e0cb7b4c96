using System.Globalization;
using Bot.Digests.Model;

namespace Bot.Digests.Parsing;

/// <summary>Keeps the first warnings of each code and one count of the rest: a million undefined citations is one fact.</summary>
internal static class WarningCap
{
    /// <summary>Keeps the first <paramref name="maxPerCode"/> of each code; <paramref name="raised"/> counts those never stored.</summary>
    public static List<ParseWarning> Apply(List<ParseWarning> warnings, int maxPerCode, IReadOnlyDictionary<string, int>? raised = null)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<ParseWarning>(Math.Min(warnings.Count, maxPerCode * 4));
        foreach (var warning in warnings)
        {
            var count = seen[warning.Code] = seen.GetValueOrDefault(warning.Code) + 1;
            if (count <= maxPerCode)
            {
                kept.Add(warning);
            }
        }

        foreach (var (code, total) in raised ?? new Dictionary<string, int>())
        {
            seen[code] = Math.Max(seen.GetValueOrDefault(code), total);
        }

        foreach (var (code, count) in seen.Where(c => c.Value > maxPerCode))
        {
            kept.Add(new ParseWarning(ParseWarningCodes.WarningsCut, string.Create(CultureInfo.InvariantCulture, $"{count - maxPerCode} more '{code}' warnings were left out."), 0));
        }

        return kept;
    }
}
