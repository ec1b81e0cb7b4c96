using Bot.Library.State;


namespace Bot.Posting;

/// <summary>What a section job did.</summary>
/// <param name="RetryAt">For <see cref="SendResult.Busy"/>: when the other host's claim runs out.</param>
/// <param name="State">For <see cref="SendResult.AlreadyDone"/>: how the ledger row stands (sent, skipped, failed, uncertain).</param>
public sealed record SendOutcome(SendResult Result, DateTimeOffset? RetryAt = null, string? MessageId = null, LedgerState? State = null);
