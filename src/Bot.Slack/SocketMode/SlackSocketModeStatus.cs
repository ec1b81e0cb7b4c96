namespace Bot.Slack.SocketMode;

/// <summary>The Socket Mode connection state, read by the health check.</summary>
public sealed class SlackSocketModeStatus
{
    private int _connections;

    /// <summary>False unless the mode is Socket.</summary>
    public bool Enabled { get; internal set; }

    /// <summary>Open connections that have received <c>hello</c>.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Why Socket Mode stopped for good, or null.</summary>
    public string? StoppedReason { get; internal set; }

    internal void Opened() => Interlocked.Increment(ref _connections);

    internal void Closed() => Interlocked.Decrement(ref _connections);
}
