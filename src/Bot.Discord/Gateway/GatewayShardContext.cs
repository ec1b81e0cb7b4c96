using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>What every shard of one process shares.</summary>
internal sealed record GatewayShardContext(
    DiscordOptions Options,
    IdentifyGate Gate,
    GatewayInteractionDispatcher Dispatcher,
    DiscordGatewayStatus Status,
    TimeProvider Time,
    ILogger Logger);
