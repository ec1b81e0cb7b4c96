using System.Collections.Concurrent;

namespace Bot.Discord.Gateway;

/// <summary>The gateway's connection state per shard, read by the health check.</summary>
public sealed class DiscordGatewayStatus
{
    private readonly ConcurrentDictionary<int, string> _shards = new();

    /// <summary>False until the gateway runs (Http mode, or no Discord settings).</summary>
    public bool Enabled { get; private set; }

    /// <summary>Why the gateway stopped for good (a fatal close code), or null.</summary>
    public string? StoppedReason { get; private set; }

    /// <summary>Shard id → <c>connecting</c>, <c>connected</c>, <c>reconnecting</c> or <c>stopped</c>.</summary>
    public IReadOnlyDictionary<int, string> Shards => _shards;

    /// <summary>Whether every shard is connected.</summary>
    public bool AllConnected => Enabled && StoppedReason is null && !_shards.IsEmpty && _shards.Values.All(s => s == "connected");

    internal void Start(IEnumerable<int> shards)
    {
        Enabled = true;
        foreach (var id in shards)
        {
            _shards[id] = "connecting";
        }
    }

    internal void Set(int shard, string state) => _shards[shard] = state;

    internal void StopAll(string reason)
    {
        Enabled = true;
        StoppedReason = reason;
    }

    internal void Stop(int shard, string reason)
    {
        _shards[shard] = "stopped";
        Enabled = true;
        StoppedReason = reason;
    }
}
