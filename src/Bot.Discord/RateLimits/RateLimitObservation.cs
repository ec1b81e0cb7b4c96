using System.Globalization;
using System.Net;
using System.Text.Json;
using Bot.Discord.Wire;

namespace Bot.Discord.RateLimits;

/// <summary>The rate-limit facts of one response: the <c>X-RateLimit-*</c> headers and, for a 429, its body.</summary>
public sealed record RateLimitObservation(
    HttpStatusCode StatusCode,
    string? Bucket = null,
    int? Limit = null,
    int? Remaining = null,
    TimeSpan? ResetAfter = null,
    TimeSpan? RetryAfter = null,
    bool IsGlobal = false,
    string? Scope = null)
{
    /// <summary>True for the answers Discord counts towards its invalid-request ban (401, 403, and 429 unless shared).</summary>
    public bool IsInvalidRequest => StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (StatusCode == HttpStatusCode.TooManyRequests && !string.Equals(Scope, "shared", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the headers and, for a 429, the JSON body (<c>retry_after</c>, <c>global</c>).</summary>
    public static RateLimitObservation From(HttpResponseMessage response, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        var bucket = Header(headers, "X-RateLimit-Bucket");
        var limit = ParseInt(Header(headers, "X-RateLimit-Limit"));
        var remaining = ParseInt(Header(headers, "X-RateLimit-Remaining"));
        var resetAfter = ParseSeconds(Header(headers, "X-RateLimit-Reset-After"));
        var scope = Header(headers, "X-RateLimit-Scope");
        var global = string.Equals(Header(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        TimeSpan? retryAfter = null;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            retryAfter = ParseSeconds(Header(headers, "Retry-After"));
            try
            {
                var parsed = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.RateLimitResponse);
                if (parsed is not null)
                {
                    retryAfter = TimeSpan.FromSeconds(Math.Max(0, parsed.RetryAfter));
                    global |= parsed.Global;
                }
            }
            catch (JsonException)
            {
                // A 429 from a proxy may not be JSON; the headers (or the default below) still apply.
            }

            retryAfter ??= resetAfter ?? TimeSpan.FromSeconds(1);
        }

        return new RateLimitObservation(response.StatusCode, bucket, limit, remaining, resetAfter, retryAfter, global, scope);
    }

    private static string? Header(System.Net.Http.Headers.HttpResponseHeaders headers, string name)
        => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? ParseInt(string? text)
        => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static TimeSpan? ParseSeconds(string? text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
