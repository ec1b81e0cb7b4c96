namespace Bot.Library.State;

/// <summary>The outcome of trying to claim a ledger row for sending.</summary>
/// <param name="Claimed">True when this caller now owns the row and must send it.</param>
/// <param name="Row">The row after the attempt (null when it no longer exists, e.g. unsubscribed).</param>
public sealed record ClaimResult(bool Claimed, LedgerRow? Row);
