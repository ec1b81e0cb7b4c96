using Bot.Core.Posting;
using Bot.Library.State;


namespace Bot.Posting;

/// <summary>Turns validated configuration entries into stored subscriptions (source <c>config</c>).</summary>
public static class SubscriptionMapper
{
    public static SubscriptionRecord ToRecord(SubscriptionOptions options, string defaultTimeZone)
    {
        PostTarget.TryParse(options.Target, out var target, out _);
        SectionSpacing.TryParse(options.SectionSpacing, out var spacing);
        var sections = options.Sections.Select(k => k.Trim().ToLowerInvariant()).Where(k => k.Length > 0).ToList();
        return new SubscriptionRecord(
            0,
            options.Name.Trim(),
            "config",
            target is null ? options.Target : (target with { Options = TargetOptions(options) }).ToStorageString(),
            sections.Count == 0 || sections.Contains("*") ? ["*"] : sections,
            options.Include.Where(t => !string.IsNullOrWhiteSpace(t)).ToList(),
            options.Exclude.Where(t => !string.IsNullOrWhiteSpace(t)).ToList(),
            options.Cron.Trim(),
            string.IsNullOrWhiteSpace(options.TimeZone) ? defaultTimeZone : options.TimeZone.Trim(),
            options.EntriesPerSection,
            spacing,
            options.Thread,
            string.IsNullOrWhiteSpace(options.MentionRoleId) ? null : options.MentionRoleId)
        {
            Published = options.Trigger?.Trim().Equals("Published", StringComparison.OrdinalIgnoreCase) == true,
        };
    }

    /// <summary>The posting choices of a subscription (forum tags, crosspost, silent, webhook identity).</summary>
    public static PostTargetOptions TargetOptions(SubscriptionOptions options)
        => new(
            options.AppliedTags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList(),
            options.Crosspost,
            options.Silent,
            string.IsNullOrWhiteSpace(options.Username) ? null : options.Username.Trim(),
            string.IsNullOrWhiteSpace(options.AvatarUrl) ? null : options.AvatarUrl.Trim());
}
