namespace Bot.Posting;

/// <summary>One entry of <c>Bot:Subscriptions</c> (see DESIGN.md).</summary>
public sealed class SubscriptionOptions
{
    /// <summary>Unique name, e.g. <c>weekly-console</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary><c>console</c>, <c>discord:channel:&lt;id&gt;</c>, <c>discord:webhook:&lt;url&gt;</c>, <c>slack:channel:&lt;id&gt;</c> or <c>slack:webhook:&lt;url&gt;</c>.</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary>Section keys in the digest's order, or <c>*</c> for all.</summary>
    public List<string> Sections { get; set; } = [];

    /// <summary>Keywords an entry must contain (any of them); empty keeps all.</summary>
    public List<string> Include { get; set; } = [];

    /// <summary>Keywords that drop an entry.</summary>
    public List<string> Exclude { get; set; } = [];

    /// <summary>Five-field cron expression, e.g. <c>0 9 * * MON</c>.</summary>
    public string Cron { get; set; } = "0 9 * * MON";

    /// <summary>
    /// <c>Cron</c> (default): post the newest digest on the schedule. <c>Published</c>: also post each digest as soon as
    /// it is ingested (a new feed item), with the same section spacing and ledger; the cron still runs as a catch-up.
    /// </summary>
    public string Trigger { get; set; } = "Cron";

    /// <summary>IANA time zone; empty means <c>Bot:TimeZone</c>.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Entries shown per section (the rest become "+K more").</summary>
    public int EntriesPerSection { get; set; } = 5;

    /// <summary>Time between sections: <c>00:00:00</c> back to back, <c>1.00:00:00</c> one a day.</summary>
    public string SectionSpacing { get; set; } = "00:00:00";

    /// <summary>Post a parent message per digest and the sections as replies in its thread.</summary>
    public bool Thread { get; set; }

    /// <summary>A role to mention in each post; null pings nobody.</summary>
    public string? MentionRoleId { get; set; }

    /// <summary>Forum tag ids for each new forum post; required when the forum requires a tag.</summary>
    public List<string> AppliedTags { get; set; } = [];

    /// <summary>In an announcement channel: publish each post to the channels that follow it.</summary>
    public bool Crosspost { get; set; }

    /// <summary>Post without push or desktop notifications (Discord SUPPRESS_NOTIFICATIONS).</summary>
    public bool Silent { get; set; }

    /// <summary>For a Discord webhook: the name to post under.</summary>
    public string? Username { get; set; }

    /// <summary>For a Discord webhook: the avatar image URL to post with.</summary>
    public string? AvatarUrl { get; set; }
}
