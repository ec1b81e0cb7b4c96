using System.Text.Json.Nodes;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>A message the fake accepted.</summary>
/// <param name="Kind"><c>channel</c>, <c>webhook</c>, <c>forum</c>, <c>interaction-edit</c> or <c>followup</c>.</param>
/// <param name="ChannelId">Where it landed: the channel, or the thread.</param>
/// <param name="ParentId">The thread's parent (forum or text channel), when it landed in a thread.</param>
public sealed record FakeDiscordMessage(
    string Id,
    string Kind,
    string ChannelId,
    string? ParentId,
    string? WebhookId,
    string? ThreadName,
    string? Nonce,
    JsonObject Body,
    DateTimeOffset At);
