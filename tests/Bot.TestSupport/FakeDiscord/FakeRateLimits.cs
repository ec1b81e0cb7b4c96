using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>The fake's global (sliding window) and per-route (fixed window from first use) limits, with Discord's headers.</summary>
internal sealed class FakeRateLimits
{
    private readonly FakeDiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly Queue<DateTimeOffset> _global = new();
    private readonly Dictionary<string, Window> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public FakeRateLimits(FakeDiscordOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>Checks and counts one request. Returns no refusal when allowed (headers set), else the 429 body to send and whether the global limit refused.</summary>
    public (string? Refusal, bool Global) Check(HttpResponse response, RouteLimit? route, bool countsTowardsGlobal)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var globalWindow = _options.Scale(_options.GlobalWindow);
            if (countsTowardsGlobal)
            {
                while (_global.Count > 0 && now - _global.Peek() >= globalWindow)
                {
                    _global.Dequeue();
                }

                if (_global.Count >= _options.GlobalLimit)
                {
                    var retry = _global.Peek() + globalWindow - now;
                    response.Headers["X-RateLimit-Global"] = "true";
                    response.Headers["X-RateLimit-Scope"] = "global";
                    response.Headers["Retry-After"] = Math.Ceiling(retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    return (RateLimitBody(retry, global: true), true);
                }
            }

            if (route is not null)
            {
                var key = route.Key;
                if (!_buckets.TryGetValue(key, out var window) || now >= window.ResetAt)
                {
                    window = new Window(now + _options.Scale(route.Period));
                    _buckets[key] = window;
                }

                var resetAfter = window.ResetAt - now;
                response.Headers["X-RateLimit-Limit"] = route.Limit.ToString(CultureInfo.InvariantCulture);
                response.Headers["X-RateLimit-Bucket"] = route.BucketHash;
                response.Headers["X-RateLimit-Reset"] = (window.ResetAt.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
                response.Headers["X-RateLimit-Reset-After"] = CeilingSeconds(resetAfter);
                if (window.Count >= route.Limit)
                {
                    response.Headers["X-RateLimit-Remaining"] = "0";
                    response.Headers["X-RateLimit-Scope"] = "user";
                    response.Headers["Retry-After"] = Math.Ceiling(resetAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    return (RateLimitBody(resetAfter, global: false), false);
                }

                window.Count++;
                response.Headers["X-RateLimit-Remaining"] = (route.Limit - window.Count).ToString(CultureInfo.InvariantCulture);
            }

            if (countsTowardsGlobal)
            {
                _global.Enqueue(now);
            }

            return (null, false);
        }
    }

    /// <summary>The bucket of a route: message creation, webhooks, or the default.</summary>
    public RouteLimit For(string template, string major)
    {
        var (limit, period) = template switch
        {
            "POST channels/{channel_id}/messages" => (_options.MessageLimit, _options.MessageWindow),
            "POST webhooks/{webhook_id}/{webhook_token}" => (_options.WebhookLimit, _options.WebhookWindow),
            _ => (_options.DefaultLimit, _options.DefaultWindow),
        };
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(template)), 0, 16);
        return new RouteLimit($"{template} {major}", hash, limit, period);
    }

    private static string CeilingSeconds(TimeSpan span)
        => (Math.Ceiling(Math.Max(0, span.TotalMilliseconds)) / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);

    private static string RateLimitBody(TimeSpan retry, bool global)
        => $$"""{"message":"You are being rate limited.","retry_after":{{CeilingSeconds(retry)}},"global":{{(global ? "true" : "false")}}}""";

    private sealed class Window(DateTimeOffset resetAt)
    {
        public DateTimeOffset ResetAt { get; } = resetAt;

        public int Count { get; set; }
    }
}
