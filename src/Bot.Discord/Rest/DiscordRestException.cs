using System.Net;
using Bot.Discord.Wire.Messages;

namespace Bot.Discord.Rest;

/// <summary>A Discord REST call failed: the status, Discord's error code and message, and whether a retry could help.</summary>
public sealed class DiscordRestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DiscordRestException(string message, HttpStatusCode? statusCode, int? discordCode, string? discordMessage, bool transient, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        DiscordCode = discordCode;
        DiscordMessage = discordMessage;
        IsTransient = transient;
    }

    /// <summary>Parameterless constructor for serializers.</summary>
    public DiscordRestException()
    {
    }

    /// <summary>Creates a transient failure.</summary>
    public DiscordRestException(string message)
        : base(message)
    {
        IsTransient = true;
    }

    /// <summary>Creates a transient failure with its cause.</summary>
    public DiscordRestException(string message, Exception inner)
        : base(message, inner)
    {
        IsTransient = true;
    }

    /// <summary>The HTTP status, or null when no answer came (timeout, connection failure, budget exhausted).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Discord's JSON error code (e.g. 50013 Missing Permissions), when the body carried one.</summary>
    public int? DiscordCode { get; }

    /// <summary>Discord's error message, when the body carried one.</summary>
    public string? DiscordMessage { get; }

    /// <summary>True when retrying later may succeed (5xx, timeouts, rate limits, the invalid-request budget).</summary>
    public bool IsTransient { get; }

    /// <summary>
    /// True when the request may have been carried out although no answer said so (a timeout, a dropped connection, a
    /// 502/504 from Discord's edge) on a request that cannot safely be sent again: the caller must look before resending.
    /// </summary>
    public bool Uncertain { get; init; }

    /// <summary>True when Discord certainly did not carry the request out: it answered with a 4xx (a 429 included).</summary>
    public bool Rejected => StatusCode is { } status && (int)status is >= 400 and < 500;
}
