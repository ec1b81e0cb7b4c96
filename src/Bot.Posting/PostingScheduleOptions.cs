namespace Bot.Posting;

/// <summary>
/// The keys of <c>Bot:Scheduling</c> that the posting rules read: catch-up, first start, claims and corrections. The
/// defaults are the host's (<c>SchedulingOptions</c> starts from these constants, so the two cannot drift apart).
/// </summary>
public sealed class PostingScheduleOptions
{
    /// <summary>The default of <see cref="CatchUpWindow"/>.</summary>
    public static readonly TimeSpan DefaultCatchUpWindow = TimeSpan.FromDays(1);

    /// <summary>The default of <see cref="PostOnFirstStart"/>.</summary>
    public const string DefaultPostOnFirstStart = "Console";

    /// <summary>The default of <see cref="ClaimLease"/>.</summary>
    public static readonly TimeSpan DefaultClaimLease = TimeSpan.FromSeconds(45);

    /// <summary>The default of <see cref="CorrectionWindow"/>.</summary>
    public static readonly TimeSpan DefaultCorrectionWindow = TimeSpan.FromDays(7);

    /// <summary>Posts that fell due at most this long ago while the host was down are sent at start; older ones are skipped.</summary>
    public TimeSpan CatchUpWindow { get; set; } = DefaultCatchUpWindow;

    /// <summary><c>Console</c>, <c>All</c> or <c>None</c>: which never-posted subscriptions send the newest digest at start.</summary>
    public string PostOnFirstStart { get; set; } = DefaultPostOnFirstStart;

    /// <summary>How long a claimed section is held without a renewal (renewed every third of it while the post is in flight).</summary>
    public TimeSpan ClaimLease { get; set; } = DefaultClaimLease;

    /// <summary>How long after sending a post is corrected in place when its digest changes; zero turns corrections off.</summary>
    public TimeSpan CorrectionWindow { get; set; } = DefaultCorrectionWindow;
}
