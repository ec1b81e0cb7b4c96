using System.Globalization;

namespace Bot.Library;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week) evaluated in a time zone.
/// Names (<c>MON</c>, <c>JAN</c>), lists, ranges, steps and the <c>@daily</c>-style macros are accepted.
/// Daylight saving: a time that a spring-forward skips fires at the end of the gap; a time that a
/// fall-back repeats fires once, at its first (daylight) instant. This matches Hangfire's scheduler.
/// </summary>
public sealed class CronSchedule
{
    private const int SearchDays = 366 * 9;
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _days;
    private readonly bool[] _months;
    private readonly bool[] _weekdays;

    private CronSchedule(string expression, bool[][] fields)
    {
        Expression = expression;
        (_minutes, _hours, _days, _months, _weekdays) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>Parses an expression, or returns false with a message that says what is wrong and how to write it.</summary>
    public static bool TryParse(string? text, out CronSchedule? schedule, out string? error)
    {
        schedule = null;
        var expression = text?.Trim() ?? string.Empty;
        var expanded = expression.ToUpperInvariant() switch
        {
            "@YEARLY" or "@ANNUALLY" => "0 0 1 1 *",
            "@MONTHLY" => "0 0 1 * *",
            "@WEEKLY" => "0 0 * * 0",
            "@DAILY" or "@MIDNIGHT" => "0 0 * * *",
            "@HOURLY" => "0 * * * *",
            _ => expression,
        };
        var parts = expanded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            error = $"'{expression}' is not a cron expression: write five fields, minute hour day-of-month month day-of-week, e.g. '0 9 * * MON'";
            return false;
        }

        var fields = new bool[5][];
        (string Name, int Min, int Max, string[]? Names)[] specs =
        [
            ("minute", 0, 59, null), ("hour", 0, 23, null), ("day-of-month", 1, 31, null), ("month", 1, 12, MonthNames), ("day-of-week", 0, 7, DayNames),
        ];
        for (var i = 0; i < 5; i++)
        {
            var spec = specs[i];
            if (!TryParseField(parts[i], spec.Min, spec.Max, spec.Names, out fields[i], out var why))
            {
                error = $"'{expression}' is not a cron expression: the {spec.Name} field '{parts[i]}' {why}";
                return false;
            }
        }

        // Sunday may be written 0 or 7.
        fields[4][0] |= fields[4][7];
        if (!IsWildcard(parts[2]) && !IsWildcard(parts[4]))
        {
            error = $"'{expression}' restricts both day-of-month and day-of-week; cron engines disagree on what that means, so restrict one and write '*' in the other";
            return false;
        }

        var candidate = new CronSchedule(expression, fields);
        if (candidate.GetNextOccurrence(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc) is null)
        {
            error = $"'{expression}' never fires (no such date); check the day-of-month and month fields";
            return false;
        }

        schedule = candidate;
        error = null;
        return true;
    }

    /// <summary>Parses an expression or throws <see cref="FormatException"/> with the reason.</summary>
    public static CronSchedule Parse(string text)
        => TryParse(text, out var schedule, out var error) ? schedule! : throw new FormatException(error);

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none within nine years.</summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var startDay = TimeZoneInfo.ConvertTime(after, zone).DateTime.Date.AddDays(-1);
        for (var d = 0; d < SearchDays; d++)
        {
            var day = startDay.AddDays(d);
            if (!MatchesDay(day))
            {
                continue;
            }

            for (var h = 0; h < 24; h++)
            {
                if (!_hours[h])
                {
                    continue;
                }

                for (var m = 0; m < 60; m++)
                {
                    if (_minutes[m] && Resolve(day.AddHours(h).AddMinutes(m), zone) is var at && at > after)
                    {
                        return at;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The latest occurrence at or before <paramref name="atOrBefore"/>, or null when there is none within nine years.</summary>
    public DateTimeOffset? GetPreviousOccurrence(DateTimeOffset atOrBefore, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var startDay = TimeZoneInfo.ConvertTime(atOrBefore, zone).DateTime.Date.AddDays(1);
        for (var d = 0; d < SearchDays; d++)
        {
            var day = startDay.AddDays(-d);
            if (!MatchesDay(day))
            {
                continue;
            }

            for (var h = 23; h >= 0; h--)
            {
                if (!_hours[h])
                {
                    continue;
                }

                for (var m = 59; m >= 0; m--)
                {
                    if (_minutes[m] && Resolve(day.AddHours(h).AddMinutes(m), zone) is var at && at <= atOrBefore)
                    {
                        return at;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Occurrences in (<paramref name="after"/>, <paramref name="until"/>], in order.</summary>
    public IEnumerable<DateTimeOffset> GetOccurrences(DateTimeOffset after, DateTimeOffset until, TimeZoneInfo zone)
    {
        var cursor = after;
        while (GetNextOccurrence(cursor, zone) is { } next && next <= until)
        {
            yield return next;
            cursor = next;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Expression;

    private bool MatchesDay(DateTime day)
        => _months[day.Month] && _days[day.Day] && _weekdays[(int)day.DayOfWeek];

    private static DateTimeOffset Resolve(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            // Skipped by a spring-forward: fire at the first valid minute after the gap.
            var shifted = local;
            while (zone.IsInvalidTime(shifted))
            {
                shifted = shifted.AddMinutes(1);
            }

            return new DateTimeOffset(shifted, zone.GetUtcOffset(shifted));
        }

        if (zone.IsAmbiguousTime(local))
        {
            // Repeated by a fall-back: fire once, at the earlier instant (the larger offset).
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static bool IsWildcard(string field) => field is "*" or "?";

    private static bool TryParseField(string field, int min, int max, string[]? names, out bool[] set, out string? why)
    {
        set = new bool[max + 1];
        why = null;
        foreach (var item in field.Split(','))
        {
            var step = 1;
            var range = item;
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!int.TryParse(item.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)
                {
                    why = $"has a bad step in '{item}'";
                    return false;
                }

                range = item[..slash];
            }

            int low, high;
            if (range is "*" or "?")
            {
                (low, high) = (min, names == DayNames ? 6 : max);
            }
            else
            {
                var dash = range.IndexOf('-', StringComparison.Ordinal);
                var lowText = dash < 0 ? range : range[..dash];
                if (!TryValue(lowText, names, min, out low))
                {
                    why = $"has '{lowText}', which is not a number or name between {min} and {max}";
                    return false;
                }

                high = low;
                if (dash >= 0 && !TryValue(range[(dash + 1)..], names, min, out high))
                {
                    why = $"has '{range[(dash + 1)..]}', which is not a number or name between {min} and {max}";
                    return false;
                }

                if (dash < 0 && slash >= 0)
                {
                    high = names == DayNames ? 6 : max;
                }
            }

            if (low < min || high > max || low > high)
            {
                why = $"has '{item}', outside {min}-{max} or reversed";
                return false;
            }

            for (var v = low; v <= high; v += step)
            {
                set[v] = true;
            }
        }

        return true;
    }

    private static bool TryValue(string text, string[]? names, int min, out int value)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        var index = names is null ? -1 : Array.IndexOf(names, text.ToUpperInvariant());
        value = index < 0 ? -1 : index + min;
        return index >= 0;
    }
}
