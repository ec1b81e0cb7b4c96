using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>Source-generated serialization of the Discord wire types (no reflection).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiscordInteraction))]
[JsonSerializable(typeof(DiscordError))]
[JsonSerializable(typeof(RateLimitResponse))]
[JsonSerializable(typeof(CreatedMessage))]
[JsonSerializable(typeof(DiscordChannel))]
[JsonSerializable(typeof(DiscordWebhook))]
[JsonSerializable(typeof(StartThreadRequest))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(List<FetchedMessage>))]
[JsonSerializable(typeof(ActiveThreads))]
[JsonSerializable(typeof(List<DiscordRole>))]
[JsonSerializable(typeof(GuildMember))]
[JsonSerializable(typeof(DiscordUser))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
