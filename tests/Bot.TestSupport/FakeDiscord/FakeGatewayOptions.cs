namespace Bot.TestSupport.FakeDiscord;

/// <summary>How the fake Discord Gateway behaves. Figures marked "Discord" are typed in from Discord's gateway documentation.</summary>
public sealed class FakeGatewayOptions
{
    /// <summary>
    /// The <c>heartbeat_interval</c> sent in HELLO: Discord's 41 250 ms. A test about heartbeats sets a short one; others keep
    /// this, because on real time a short interval makes a starved machine miss an ACK and see a zombie connection.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(41_250);

    /// <summary><c>session_start_limit.total</c> (Discord: 1000 per day for most bots).</summary>
    public int SessionStartTotal { get; set; } = 1000;

    /// <summary><c>session_start_limit.remaining</c> at start.</summary>
    public int SessionStartRemaining { get; set; } = 1000;

    /// <summary><c>session_start_limit.reset_after</c>.</summary>
    public TimeSpan SessionStartResetAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary><c>session_start_limit.max_concurrency</c> (Discord: 1 unless the bot is very large).</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>The recommended <c>shards</c> of <c>GET /gateway/bot</c>.</summary>
    public int RecommendedShards { get; set; } = 1;

    /// <summary>Whether privileged intents (GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT) are enabled in the "portal"; if not, asking for one closes with 4014.</summary>
    public bool PrivilegedIntentsEnabled { get; set; }

    /// <summary>Discord: an interaction must get its initial response within 3 seconds.</summary>
    public TimeSpan InteractionDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Discord: 120 gateway events per connection per 60 seconds, else close 4008.</summary>
    public int SendLimit { get; set; } = 120;

    /// <summary>The window of <see cref="SendLimit"/>.</summary>
    public TimeSpan SendWindow { get; set; } = TimeSpan.FromSeconds(60);
}
