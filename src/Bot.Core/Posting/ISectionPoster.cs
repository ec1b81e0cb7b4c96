using Bot.Core.Replies;

namespace Bot.Core.Posting;

/// <summary>Sends section posts to one platform. Implemented by the console, Discord and Slack adapters.</summary>
public interface ISectionPoster
{
    /// <summary><c>console</c>, <c>discord</c> or <c>slack</c>.</summary>
    string Platform { get; }

    /// <summary>Posts (possibly as several messages) and returns the receipt. Throws <see cref="PostException"/> on failure.</summary>
    Task<PostReceipt> PostAsync(PostTarget target, SectionPost post, CancellationToken ct = default);

    /// <summary>
    /// After a crash between "attempted" and "sent": finds a message already posted for <see cref="SectionPost.LedgerKey"/>,
    /// so it is not sent twice. Null when none is found (or the platform deduplicates by itself, like Discord's nonce).
    /// </summary>
    Task<PostReceipt?> FindPostedAsync(PostTarget target, SectionPost post, CancellationToken ct = default);

    /// <summary>
    /// True when <see cref="FindPostedAsync"/> can really search the target. False (a webhook alone) makes the scheduler
    /// record a doubtful attempt as uncertain instead of sending it again blindly.
    /// </summary>
    bool CanFindPosted(PostTarget target) => true;

    /// <summary>Creates the parent message of a digest for thread mode, and returns its id (Discord thread id / Slack ts).</summary>
    Task<PostReceipt> PostThreadParentAsync(PostTarget target, string ledgerKey, SectionHighlight firstSection, CancellationToken ct = default);
}
