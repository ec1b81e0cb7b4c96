using System.Text.Json.Serialization;

namespace Bot.Slack.Wire;

/// <summary>Source-generated serialization of the adapter's wire types.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackApiResponse))]
[JsonSerializable(typeof(BlockActionsPayload))]
public sealed partial class SlackJsonContext : JsonSerializerContext;
