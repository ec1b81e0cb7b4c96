using System.Text.Json.Serialization;

namespace Bot.Slack.Wire.Messages;

/// <summary>Source-generated JSON for outgoing Slack messages; nulls are omitted, block <c>type</c> may come anywhere when reading.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(IReadOnlyList<SlackMessage>))]
public sealed partial class SlackMessageJsonContext : JsonSerializerContext;
