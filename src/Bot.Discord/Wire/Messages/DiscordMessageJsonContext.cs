using System.Text.Json.Serialization;

namespace Bot.Discord.Wire.Messages;

/// <summary>Source-generated JSON for outgoing Discord messages; nulls are omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(IReadOnlyList<DiscordMessage>))]
public sealed partial class DiscordMessageJsonContext : JsonSerializerContext;
