using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.RateLimits;

/// <summary>
/// Rate limits learned from Discord's headers: one bucket per route and major parameter until the response names its
/// bucket (<c>X-RateLimit-Bucket</c>), then shared by every route Discord puts in that bucket; the global limit; every
/// 429's <c>retry_after</c>; and the invalid-request budget. Never sleeps a fixed time.
/// </summary>
public sealed class DiscordRateLimiter : IDiscordRateLimiter, IDisposable
{
    private const int SweepThreshold = 2_048;

    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRateLimiter> _logger;
    private readonly GlobalRateLimiter _global;
    private readonly InvalidRequestBudget _budget;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _routeToBucket = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RouteBucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Creates the limiter from <see cref="DiscordOptions"/>.</summary>
    public DiscordRateLimiter(IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRateLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _time = time;
        _logger = logger;
        _global = new GlobalRateLimiter(value.GlobalRequestsPerSecond, value.GlobalWindow, time);
        _budget = new InvalidRequestBudget(value.InvalidRequestBudget, time, logger);
    }

    /// <summary>Invalid requests (401/403/429) counted in the last 10 minutes.</summary>
    public int InvalidRequestCount => _budget.Count;

    /// <inheritdoc />
    public async ValueTask<RateLimitLease> AcquireAsync(DiscordRoute route, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(route);
        _budget.ThrowIfSpent();
        var bucket = GetBucket(route);
        var started = _time.GetTimestamp();
        await bucket.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await bucket.WaitForCapacityAsync(_time, ct).ConfigureAwait(false);
            if (route.CountsTowardsGlobal)
            {
                await _global.AcquireAsync(ct).ConfigureAwait(false);
            }
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }

        Bot.Core.Diagnostics.BotMetrics.RateLimitWaited("discord", _time.GetElapsedTime(started));
        return new RateLimitLease(observation => Complete(route, bucket, observation));
    }

    /// <summary>Frees the buckets.</summary>
    public void Dispose()
    {
        _global.Dispose();
        lock (_lock)
        {
            foreach (var bucket in _buckets.Values.Distinct())
            {
                bucket.Dispose();
            }

            _buckets.Clear();
        }
    }

    private void Complete(DiscordRoute route, RouteBucket bucket, RateLimitObservation? observation)
    {
        var now = _time.GetUtcNow();
        try
        {
            var globalBlock = observation is { IsGlobal: true, RetryAfter: { } retry } ? now + retry : (DateTimeOffset?)null;
            if (route.CountsTowardsGlobal)
            {
                _global.Release(globalBlock);
            }
            else if (globalBlock is { } until)
            {
                // An exempt route took no global slot, but a global 429 on it still means the whole bot must wait.
                _global.Block(until);
            }

            if (observation is null)
            {
                return;
            }

            _budget.Record(observation);
            bucket.Update(observation, now);
            if (observation.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                Bot.Core.Diagnostics.BotMetrics.RateLimitHit("discord");
                _logger.LogWarning(
                    "Discord: 429 on {Route} ({Scope}); retrying after {RetryAfter} ms",
                    route.ToString(),
                    observation.IsGlobal ? "global" : observation.Scope ?? "route",
                    (observation.RetryAfter ?? TimeSpan.Zero).TotalMilliseconds);
            }

            if (observation.Bucket is { Length: > 0 } hash)
            {
                Learn(route, bucket, hash, observation, now);
            }
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    private RouteBucket GetBucket(DiscordRoute route)
    {
        var routeKey = route.RouteKey;
        lock (_lock)
        {
            if (_routeToBucket.TryGetValue(routeKey, out var bucketKey) && _buckets.TryGetValue(bucketKey, out var shared))
            {
                return shared;
            }

            if (!_buckets.TryGetValue(routeKey, out var bucket))
            {
                if (_buckets.Count >= SweepThreshold)
                {
                    Sweep();
                }

                bucket = new RouteBucket();
                _buckets[routeKey] = bucket;
            }

            return bucket;
        }
    }

    private void Learn(DiscordRoute route, RouteBucket bucket, string hash, RateLimitObservation observation, DateTimeOffset now)
    {
        var routeKey = route.RouteKey;
        var bucketKey = $"{hash}:{route.MajorParameter}";
        lock (_lock)
        {
            if (_routeToBucket.TryGetValue(routeKey, out var known) && known == bucketKey)
            {
                return;
            }

            _routeToBucket[routeKey] = bucketKey;
            if (!_buckets.TryGetValue(bucketKey, out var shared))
            {
                // The first route of this bucket: its provisional bucket becomes the shared one.
                _buckets[bucketKey] = bucket;
            }
            else if (!ReferenceEquals(shared, bucket))
            {
                // Another route already uses this bucket: this answer is the newest word on what is left in it.
                shared.Update(observation, now);
            }

            if (_buckets.TryGetValue(routeKey, out var provisional) && ReferenceEquals(provisional, bucket))
            {
                _buckets.Remove(routeKey);
            }
        }
    }

    private void Sweep()
    {
        // Interaction tokens and one-off webhooks make a bucket each; forget the idle ones so memory stays flat.
        var now = _time.GetUtcNow();
        var idle = _buckets.Where(pair => pair.Value.IsIdle(now) && now - pair.Value.LastUsed > TimeSpan.FromMinutes(1)).Select(pair => pair.Key).ToList();
        foreach (var key in idle)
        {
            _buckets.Remove(key);
        }

        var live = _buckets.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var route in _routeToBucket.Where(pair => !live.Contains(pair.Value)).Select(pair => pair.Key).ToList())
        {
            _routeToBucket.Remove(route);
        }
    }
}
