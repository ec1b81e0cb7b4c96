namespace Bot.Library.State;

/// <summary>One row of the post ledger: one (subscription, digest, section) post and how it stands.</summary>
/// <param name="Position">The section's place in the digest (0-based); the thread parent of thread mode is -1.</param>
/// <param name="Attempts">How many times a host claimed it for sending; with <paramref name="ClaimedBy"/> it is the claim's fencing token.</param>
/// <param name="ClaimedBy">The host that holds (or last held) the claim.</param>
/// <param name="LookFirst">The claim inherited an attempt that may have reached the platform: look for it before sending.</param>
/// <param name="AttemptedAt">When that doubtful attempt began: the earliest moment its post can carry.</param>
/// <param name="MessageIds">Every message of a sent post, in order (space-separated), for corrections and delete.</param>
/// <param name="ContentHash">A hash of what the sent post showed, so a changed digest can be told from an unchanged one.</param>
public sealed record LedgerRow(
    long Id,
    long SubscriptionId,
    string DigestId,
    string SectionKey,
    int Position,
    LedgerState State,
    DateTimeOffset DueAt,
    int Attempts,
    string? MessageId,
    string? ThreadId,
    string? LastError,
    DateTimeOffset? ClaimedUntil,
    DateTimeOffset? SentAt,
    string? ClaimedBy = null,
    bool LookFirst = false,
    DateTimeOffset? AttemptedAt = null,
    string? MessageIds = null,
    string? ContentHash = null,
    DateTimeOffset? EditedAt = null)
{
    /// <summary>Section key of the thread-mode parent row (one per digest and subscription).</summary>
    public const string ThreadParentKey = "~thread";

    /// <summary>Stable key of the post, used for Discord's nonce and Slack's message metadata.</summary>
    public string LedgerKey => $"s{SubscriptionId}:{DigestId}:{SectionKey}";

    /// <summary>True for the thread-mode parent row.</summary>
    public bool IsThreadParent => SectionKey == ThreadParentKey;

    /// <summary>The recorded messages of the post (at least <see cref="MessageId"/> once sent).</summary>
    public IReadOnlyList<string> AllMessageIds
        => MessageIds is { Length: > 0 } ids ? ids.Split(' ', StringSplitOptions.RemoveEmptyEntries) : MessageId is { } id ? [id] : [];
}
