namespace Bot.Library.State;

/// <summary>A stored subscription: from configuration (<see cref="Source"/> <c>config</c>) or from <c>/subscribe</c> (<c>discord</c>, <c>slack</c>).</summary>
/// <param name="Sections">Section keys in posting order, or <c>*</c> for all.</param>
/// <param name="CreatedAt">When it was first stored; a subscription without ledger history posts only digests published since.
/// Left default, the store sets it; given, it is kept (an import, or a test of a long-standing subscription).</param>
/// <param name="LastFiredAt">The last cron occurrence that was planned (or deliberately skipped).</param>
public sealed record SubscriptionRecord(
    long Id,
    string Name,
    string Source,
    string Target,
    IReadOnlyList<string> Sections,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    string Cron,
    string TimeZone,
    int EntriesPerSection,
    TimeSpan SectionSpacing,
    bool Thread,
    string? MentionRoleId,
    DateTimeOffset CreatedAt = default,
    DateTimeOffset? LastFiredAt = null)
{
    /// <summary>
    /// Where the name is unique: <c>""</c> for configured subscriptions (global names), the guild or workspace for chat-created
    /// ones (<c>discord:&lt;guild id&gt;</c>, <c>slack:&lt;team id&gt;</c>), so one guild can neither take nor probe another's names.
    /// </summary>
    public string Scope { get; init; } = "";

    /// <summary>
    /// <c>Trigger: Published</c> in configuration: each newly ingested digest is planned at once. Stored, so that the host that
    /// ingests plans it even when its own configuration lacks this subscription.
    /// </summary>
    public bool Published { get; init; }

    /// <summary>The name that identifies it across scopes: the name alone in the global scope, else <c>scope/name</c>.</summary>
    public string Key => Scope.Length == 0 ? Name : $"{Scope}/{Name}";

    /// <summary>True when every section of a digest is posted.</summary>
    public bool AllSections => Sections.Count == 0 || Sections.Any(s => s == "*");

    /// <summary>True when both records describe the same posting behaviour (ids, times and source aside).</summary>
    public bool SameSettings(SubscriptionRecord other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Target == other.Target && Cron == other.Cron && TimeZone == other.TimeZone
            && EntriesPerSection == other.EntriesPerSection && SectionSpacing == other.SectionSpacing
            && Thread == other.Thread && MentionRoleId == other.MentionRoleId && Published == other.Published
            && Sections.SequenceEqual(other.Sections) && Include.SequenceEqual(other.Include) && Exclude.SequenceEqual(other.Exclude);
    }
}
