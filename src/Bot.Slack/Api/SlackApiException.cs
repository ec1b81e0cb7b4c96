using System.Net;

namespace Bot.Slack.Api;

/// <summary>A Slack Web API call failed: <c>ok: false</c> with Slack's error string, or an unexpected HTTP status.</summary>
public sealed class SlackApiException : Exception
{
    private static readonly HashSet<string> TransientErrors = new(StringComparer.Ordinal)
    {
        "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "timeout",
    };

    /// <summary>Creates the exception for <paramref name="method"/> with Slack's <paramref name="error"/> string.</summary>
    public SlackApiException(string method, string error, HttpStatusCode statusCode = HttpStatusCode.OK, Exception? inner = null)
        : base($"Slack {method} failed: {error}", inner)
    {
        Method = method;
        Error = error;
        StatusCode = statusCode;
    }

    /// <summary>Parameterless constructor for serializers.</summary>
    public SlackApiException()
        : this("unknown", "unknown")
    {
    }

    /// <summary>Creates the exception from a message.</summary>
    public SlackApiException(string message)
        : this("unknown", message)
    {
    }

    /// <summary>Creates the exception from a message and its cause.</summary>
    public SlackApiException(string message, Exception inner)
        : this("unknown", message, HttpStatusCode.OK, inner)
    {
    }

    /// <summary>The Web API method (e.g. <c>chat.postMessage</c>) or <c>webhook</c> / <c>response_url</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's error string, e.g. <c>channel_not_found</c>, or <c>http_503</c>.</summary>
    public string Error { get; }

    /// <summary>The HTTP status of the last response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>True when retrying later may succeed (rate limits, 5xx, Slack-side errors).</summary>
    public bool IsTransient => TransientErrors.Contains(Error) || (int)StatusCode >= 500 || StatusCode == HttpStatusCode.TooManyRequests;
}
