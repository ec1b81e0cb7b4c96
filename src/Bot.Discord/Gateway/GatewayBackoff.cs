namespace Bot.Discord.Gateway;

/// <summary>Capped exponential backoff with jitter, so that many shards (or many bots after an outage) do not reconnect in step.</summary>
internal static class GatewayBackoff
{
    /// <summary>The first retry waits at most this long, so a single drop is back within about a second.</summary>
    public static readonly TimeSpan First = TimeSpan.FromMilliseconds(500);

    /// <summary>No wait is longer than this.</summary>
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    /// <summary>The wait before attempt <paramref name="attempt"/> (1 = first retry): between half and all of min(cap, first × 2^(attempt−1)).</summary>
    public static TimeSpan Delay(int attempt, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var exponent = Math.Clamp(attempt - 1, 0, 16);
        var ceiling = Math.Min(Cap.TotalMilliseconds, First.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (random.NextDouble() * 0.5)));
    }
}
