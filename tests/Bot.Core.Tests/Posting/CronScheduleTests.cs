using Bot.Core.Posting;


namespace Bot.Core.Tests.Posting;

public sealed class CronScheduleTests
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void GetNextOccurrence_IsMondayNineInSeoul_ForWeeklyMondayCron()
    {
        var cron = CronSchedule.Parse("0 9 * * MON");

        var next = cron.GetOccurrences(Utc(2026, 11, 24, 0, 0), Utc(2026, 12, 15, 0, 0), Seoul).ToList();

        // Seoul has no daylight saving: always 09:00 +09:00, i.e. 00:00 UTC on Monday.
        Assert.Equal([Utc(2026, 11, 30, 0, 0), Utc(2026, 12, 7, 0, 0), Utc(2026, 12, 14, 0, 0)], next);
        Assert.All(next, at => Assert.Equal((DayOfWeek.Monday, 9), Local(at, Seoul)));
    }

    [Fact]
    public void GetNextOccurrence_KeepsNineLocal_AcrossSpringForwardInNewYork()
    {
        var cron = CronSchedule.Parse("0 9 * * MON");

        var next = cron.GetOccurrences(Utc(2026, 2, 28, 0, 0), Utc(2026, 3, 17, 0, 0), NewYork).ToList();

        // DST starts Sunday 2026-03-08: 09:00 EST is 14:00 UTC, 09:00 EDT is 13:00 UTC.
        Assert.Equal([Utc(2026, 3, 2, 14, 0), Utc(2026, 3, 9, 13, 0), Utc(2026, 3, 16, 13, 0)], next);
    }

    [Fact]
    public void GetNextOccurrence_KeepsNineLocal_AcrossFallBackInBerlin()
    {
        var cron = CronSchedule.Parse("0 9 * * MON");

        var next = cron.GetOccurrences(Utc(2026, 10, 20, 0, 0), Utc(2026, 11, 3, 0, 0), Berlin).ToList();

        // DST ends Sunday 2026-10-25: 09:00 CEST is 07:00 UTC, 09:00 CET is 08:00 UTC.
        Assert.Equal([Utc(2026, 10, 26, 8, 0), Utc(2026, 11, 2, 8, 0)], next);
        Assert.Equal(Utc(2026, 10, 19, 7, 0), cron.GetPreviousOccurrence(Utc(2026, 10, 20, 0, 0), Berlin));
    }

    [Fact]
    public void GetNextOccurrence_FiresAtEndOfGap_WhenSpringForwardSkipsTheTime()
    {
        var cron = CronSchedule.Parse("30 2 * * *");

        var next = cron.GetOccurrences(Utc(2026, 3, 7, 12, 0), Utc(2026, 3, 9, 12, 0), NewYork).ToList();

        // 02:30 does not exist on 2026-03-08 in New York; it fires at 03:00 EDT (07:00 UTC), once.
        Assert.Equal([Utc(2026, 3, 8, 7, 0), Utc(2026, 3, 9, 6, 30)], next);
    }

    [Fact]
    public void GetNextOccurrence_FiresOnce_WhenFallBackRepeatsTheTime()
    {
        var cron = CronSchedule.Parse("30 1 * * *");

        var next = cron.GetOccurrences(Utc(2026, 10, 31, 12, 0), Utc(2026, 11, 2, 12, 0), NewYork).ToList();

        // 01:30 happens twice on 2026-11-01; only the first (EDT, 05:30 UTC) fires.
        Assert.Equal([Utc(2026, 11, 1, 5, 30), Utc(2026, 11, 2, 6, 30)], next);
    }

    [Fact]
    public void GetPreviousOccurrence_ReturnsTheOccurrenceItself_WhenCalledAtIt()
    {
        var cron = CronSchedule.Parse("0 9 * * MON");

        Assert.Equal(Utc(2026, 11, 30, 0, 0), cron.GetPreviousOccurrence(Utc(2026, 11, 30, 0, 0), Seoul));
        Assert.Equal(Utc(2026, 11, 23, 0, 0), cron.GetPreviousOccurrence(Utc(2026, 11, 29, 23, 59), Seoul));
    }

    [Theory]
    [InlineData("*/15 8-18 * * MON-FRI", 2026, 11, 27, 18, 45)]
    [InlineData("@daily", 2026, 11, 28, 0, 0)]
    [InlineData("0 0 1 JAN,JUL *", 2027, 1, 1, 0, 0)]
    [InlineData("0 12 * * 7", 2026, 11, 29, 12, 0)]
    public void GetNextOccurrence_UnderstandsListsRangesStepsNamesAndMacros(string expression, int y, int mo, int d, int h, int mi)
    {
        var cron = CronSchedule.Parse(expression);

        var next = cron.GetNextOccurrence(new DateTimeOffset(2026, 11, 27, 18, 31, 0, TimeSpan.Zero), TimeZoneInfo.Utc);

        Assert.Equal(Utc(y, mo, d, h, mi), next);
    }

    [Theory]
    [InlineData("0 9 * MON", "five fields")]
    [InlineData("61 9 * * MON", "minute field")]
    [InlineData("0 9 * * FUNDAY", "day-of-week field")]
    [InlineData("0 9 13 * FRI", "restrict one")]
    [InlineData("0 0 31 2 *", "never fires")]
    [InlineData("0 9-7 * * *", "reversed")]
    public void TryParse_SaysWhatIsWrong_ForBadExpressions(string expression, string expected)
    {
        Assert.False(CronSchedule.TryParse(expression, out var schedule, out var error));
        Assert.Null(schedule);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    private static (DayOfWeek Day, int Hour) Local(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return (local.DayOfWeek, local.Hour);
    }
}
