namespace Bot.Library.Sources;

/// <summary>One entry of <c>Bot:Digests:Schedules</c>: a feed or page URL with its own poll interval.</summary>
public sealed class WebSourceSchedule
{
    /// <summary>The URL, exactly as in <c>Bot:Digests:Sources</c>.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>How often to poll it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(30);
}
