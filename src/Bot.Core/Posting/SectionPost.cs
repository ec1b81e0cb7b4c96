using Bot.Core.Replies;

namespace Bot.Core.Posting;

/// <summary>One scheduled section post for one target.</summary>
/// <param name="LedgerKey">Stable key of (subscription, digest, section); Discord derives its nonce from it, Slack stores it in message metadata.</param>
/// <param name="ThreadParentId">In thread mode: the parent message id (Discord thread id / Slack ts) the section replies under.</param>
/// <param name="ThreadName">For a Discord forum channel: the name of the post (thread) to create, once per digest.</param>
/// <param name="MentionRoleId">A role to mention, when the subscription opted in; otherwise nothing pings.</param>
/// <param name="AttemptedAt">When a doubtful earlier attempt began: a look-up for it reads nothing older.</param>
public sealed record SectionPost(
    string LedgerKey,
    SectionHighlight Highlight,
    string? ThreadParentId = null,
    string? ThreadName = null,
    string? MentionRoleId = null,
    DateTimeOffset? AttemptedAt = null);
