using Cronos;

namespace Bot.Core.Posting;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week) evaluated in a time zone by Cronos, the
/// engine Hangfire itself schedules recurring jobs with, so the times we print and catch up on are the times Hangfire fires.
/// What stays ours is the validation: messages that name the field and show how to write it.
/// Daylight saving (Cronos): a time that a spring-forward skips fires at the end of the gap; a time that a fall-back
/// repeats fires once, at its first (daylight) instant.
/// </summary>
public sealed class CronSchedule
{
    private static readonly string[] FieldNames = ["minute", "hour", "day-of-month", "month", "day-of-week"];
    private readonly CronExpression _expression;

    private CronSchedule(string expression, CronExpression parsed)
    {
        Expression = expression;
        _expression = parsed;
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>Parses an expression, or returns false with a message that says what is wrong and how to write it.</summary>
    public static bool TryParse(string? text, out CronSchedule? schedule, out string? error)
    {
        schedule = null;
        var expression = text?.Trim() ?? string.Empty;
        var parts = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var macro = parts.Length == 1 && parts[0].StartsWith('@');
        if (parts.Length != 5 && !macro)
        {
            error = $"'{expression}' is not a cron expression: write five fields, minute hour day-of-month month day-of-week, e.g. '0 9 * * MON'";
            return false;
        }

        if (!macro && !IsWildcard(parts[2]) && !IsWildcard(parts[4]))
        {
            error = $"'{expression}' restricts both day-of-month and day-of-week; cron engines disagree on what that means, so restrict one and write '*' in the other";
            return false;
        }

        if (!macro && Array.FindIndex(parts, HasReversedRange) is var reversed and >= 0)
        {
            // Cronos reads 9-7 as a wrap-around; other engines reject it, so it is more likely a typo than a wish.
            error = $"'{expression}' is not a cron expression: the {FieldNames[reversed]} field '{parts[reversed]}' has a reversed range; write the low end first";
            return false;
        }

        if (!CronExpression.TryParse(string.Join(' ', parts), CronFormat.Standard, out var parsed))
        {
            error = macro
                ? $"'{expression}' is not a cron expression: the macros are @yearly, @monthly, @weekly, @daily and @hourly; or write five fields, e.g. '0 9 * * MON'"
                : $"'{expression}' is not a cron expression: {FieldError(parts)}";
            return false;
        }

        if (parsed.GetNextOccurrence(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc) is null)
        {
            error = $"'{expression}' never fires (no such date); check the day-of-month and month fields";
            return false;
        }

        schedule = new CronSchedule(expression, parsed);
        error = null;
        return true;
    }

    /// <summary>Parses an expression or throws <see cref="FormatException"/> with the reason.</summary>
    public static CronSchedule Parse(string text)
        => TryParse(text, out var schedule, out var error) ? schedule! : throw new FormatException(error);

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none.</summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after, TimeZoneInfo zone)
        => _expression.GetNextOccurrence(after, zone, inclusive: false);

    /// <summary>The latest occurrence at or before <paramref name="atOrBefore"/>, or null when there is none.</summary>
    public DateTimeOffset? GetPreviousOccurrence(DateTimeOffset atOrBefore, TimeZoneInfo zone)
        => _expression.GetPreviousOccurrence(atOrBefore, zone, inclusive: true);

    /// <summary>Occurrences in (<paramref name="after"/>, <paramref name="until"/>], in order.</summary>
    public IEnumerable<DateTimeOffset> GetOccurrences(DateTimeOffset after, DateTimeOffset until, TimeZoneInfo zone)
        => _expression.GetOccurrences(after, until, zone, fromInclusive: false, toInclusive: true);

    /// <inheritdoc />
    public override string ToString() => Expression;

    private static bool IsWildcard(string field) => field is "*" or "?";

    private static bool HasReversedRange(string field)
        => field.Split(',').Select(item => item.Split('/')[0].Split('-')).Any(range => range.Length == 2
            && int.TryParse(range[0], System.Globalization.CultureInfo.InvariantCulture, out var low)
            && int.TryParse(range[1], System.Globalization.CultureInfo.InvariantCulture, out var high)
            && low > high);

    /// <summary>Finds the field Cronos rejects by parsing each one alone among wildcards, so the message can name it.</summary>
    private static string FieldError(string[] parts)
    {
        for (var i = 0; i < parts.Length; i++)
        {
            var probe = new string[5];
            Array.Fill(probe, "*");
            probe[i] = parts[i];
            if (!CronExpression.TryParse(string.Join(' ', probe), CronFormat.Standard, out _))
            {
                var range = i switch { 0 => "0-59", 1 => "0-23", 2 => "1-31", 3 => "1-12 or JAN-DEC", _ => "0-7 or SUN-SAT" };
                return $"the {FieldNames[i]} field '{parts[i]}' is not a value, list, range (low-high, not reversed) or step within {range}";
            }
        }

        return "the fields do not combine into a schedule; write e.g. '0 9 * * MON'";
    }
}
