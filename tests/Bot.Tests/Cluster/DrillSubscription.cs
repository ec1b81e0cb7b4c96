namespace Bot.Tests.Cluster;

/// <summary>
/// One subscription of the fault drill. Two share each channel, one posting the first four sections and one the last
/// four, so a message's channel and title (section · digest) name its subscription, section and digest.
/// </summary>
internal sealed record DrillSubscription(string Name, string ChannelId, IReadOnlyList<string> Sections, string Trigger, string Cron)
{
    /// <summary>
    /// 20 subscriptions on 10 channels: 16 post when a digest is published (their weekly cron only catches up), 4 only on
    /// their cron, every minute, so the recurring jobs and planning from the shared library are in the drill too.
    /// </summary>
    public static IReadOnlyList<DrillSubscription> All { get; } = Create();

    /// <summary>The <c>Bot__Subscriptions__N__…</c> variables for <paramref name="subscriptions"/>.</summary>
    public static Dictionary<string, string> Environment(IEnumerable<DrillSubscription> subscriptions)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var s in subscriptions)
        {
            var at = $"Bot__Subscriptions__{index++}__";
            variables[at + "Name"] = s.Name;
            variables[at + "Target"] = "discord:channel:" + s.ChannelId;
            variables[at + "Cron"] = s.Cron;
            variables[at + "Trigger"] = s.Trigger;
            variables[at + "TimeZone"] = "UTC";
            for (var i = 0; i < s.Sections.Count; i++)
            {
                variables[at + $"Sections__{i}"] = s.Sections[i].ToLowerInvariant();
            }
        }

        return variables;
    }

    private static List<DrillSubscription> Create()
    {
        var all = new List<DrillSubscription>();
        for (var i = 0; i < 10; i++)
        {
            var channel = (410_000_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            all.Add(new DrillSubscription($"drill-{i:00}a", channel, DrillDigests.Sections[..4], "Published", "0 9 * * MON"));
            all.Add(i < 6
                ? new DrillSubscription($"drill-{i:00}b", channel, DrillDigests.Sections[4..], "Published", "0 9 * * MON")
                : new DrillSubscription($"drill-{i:00}b", channel, DrillDigests.Sections[4..], "Cron", "* * * * *"));
        }

        return all;
    }
}
