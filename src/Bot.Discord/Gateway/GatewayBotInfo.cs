namespace Bot.Discord.Gateway;

/// <summary><c>GET /gateway/bot</c>: the WebSocket URL, the recommended shard count and the session start limit.</summary>
public sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);
