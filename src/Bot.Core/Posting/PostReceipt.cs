namespace Bot.Core;

/// <summary>What the platform answered for a post: the id of the (last) message, and its thread, if any.</summary>
public sealed record PostReceipt(string MessageId, string? ThreadId = null);
