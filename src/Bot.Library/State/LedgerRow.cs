namespace Bot.Library;

/// <summary>One row of the post ledger: one (subscription, digest, section) post and how it stands.</summary>
/// <param name="Position">The section's place in the digest (0-based); the thread parent of thread mode is -1.</param>
/// <param name="Attempts">How many times a host claimed it for sending; above 1 means an earlier try may have reached the platform.</param>
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
    DateTimeOffset? SentAt)
{
    /// <summary>Section key of the thread-mode parent row (one per digest and subscription).</summary>
    public const string ThreadParentKey = "~thread";

    /// <summary>Stable key of the post, used for Discord's nonce and Slack's message metadata.</summary>
    public string LedgerKey => $"s{SubscriptionId}:{DigestId}:{SectionKey}";

    /// <summary>True for the thread-mode parent row.</summary>
    public bool IsThreadParent => SectionKey == ThreadParentKey;
}
