namespace Bot.Core.Posting;

/// <summary>What the platform answered for a post: the id of the (last) message, and its thread, if any.</summary>
/// <param name="MessageIds">Every message of the post in order, when the poster knows them (for corrections and delete).</param>
public sealed record PostReceipt(string MessageId, string? ThreadId = null, IReadOnlyList<string>? MessageIds = null);
