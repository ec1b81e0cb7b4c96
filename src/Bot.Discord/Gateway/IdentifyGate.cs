using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>
/// Spends the identify budget of <c>session_start_limit</c>: at most <c>remaining</c> identifies until <c>reset_after</c>,
/// and one identify per 5 seconds per <c>shard_id % max_concurrency</c> bucket. When the budget is spent it waits and says
/// why; it never identifies past the limit (Discord resets the token of a bot that does).
/// </summary>
internal sealed partial class IdentifyGate
{
    /// <summary>Discord's spacing of identifies within one concurrency bucket (5 s), plus a margin.</summary>
    // Discord allows one identify per 5 s per bucket, counted when it arrives; the gate opens before the frame is sent,
    // so a slower first send could land under 5 s before the next one without a margin.
    public static readonly TimeSpan BucketSpacing = TimeSpan.FromSeconds(5.5);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Dictionary<int, DateTimeOffset> _lastByBucket = [];
    private SessionStartLimit _limit = new(1, 1, TimeSpan.FromDays(1), 1);
    private DateTimeOffset _resetAt;

    public IdentifyGate(TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
    }

    /// <summary>Identifies spent through this gate.</summary>
    public int Spent { get; private set; }

    /// <summary>Takes the budget reported by <c>GET /gateway/bot</c>.</summary>
    public void Update(SessionStartLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        _limit = limit with { MaxConcurrency = Math.Max(1, limit.MaxConcurrency) };
        _resetAt = _time.GetUtcNow() + limit.ResetAfter;
    }

    /// <summary>Waits until shard <paramref name="shardId"/> may identify, and spends one identify.</summary>
    public async Task WaitTurnAsync(int shardId, CancellationToken ct)
    {
        await _turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (_limit.Remaining <= 0)
            {
                var wait = _resetAt - now;
                if (wait > TimeSpan.Zero)
                {
                    LogBudgetSpent(_limit.Total, shardId, wait);
                    await Task.Delay(wait, _time, ct).ConfigureAwait(false);
                }

                // The window has reset: a fresh day's budget.
                _limit = _limit with { Remaining = _limit.Total };
                _resetAt = _time.GetUtcNow() + TimeSpan.FromDays(1);
            }

            var bucket = shardId % _limit.MaxConcurrency;
            if (_lastByBucket.TryGetValue(bucket, out var last) && _time.GetUtcNow() - last < BucketSpacing)
            {
                await Task.Delay(last + BucketSpacing - _time.GetUtcNow(), _time, ct).ConfigureAwait(false);
            }

            _lastByBucket[bucket] = _time.GetUtcNow();
            _limit = _limit with { Remaining = _limit.Remaining - 1 };
            Spent++;
        }
        finally
        {
            _turn.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: the session start limit ({Total} identifies per day) is spent; shard {Shard} waits {Wait} for it to reset instead of identifying again")]
    private partial void LogBudgetSpent(int total, int shard, TimeSpan wait);
}
