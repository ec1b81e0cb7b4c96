using System.Text.Json.Nodes;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>An accepted <c>POST /interactions/{id}/{token}/callback</c>: which interaction, the response type and body, and how long after creation.</summary>
public sealed record FakeGatewayCallback(string InteractionId, string Token, int Type, JsonObject Body, TimeSpan AfterCreation);
