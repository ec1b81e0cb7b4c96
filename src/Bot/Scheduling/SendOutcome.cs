namespace Bot.Scheduling;

/// <summary>What a section job did.</summary>
/// <param name="RetryAt">For <see cref="SendResult.Busy"/>: when the other host's claim runs out.</param>
public sealed record SendOutcome(SendResult Result, DateTimeOffset? RetryAt = null, string? MessageId = null);
