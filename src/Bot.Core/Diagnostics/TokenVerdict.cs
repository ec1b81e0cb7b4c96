namespace Bot.Core.Diagnostics;

/// <summary>What one answer says about the token: accepted, refused with the platform's reason, or nothing (a 429, a 5xx).</summary>
public readonly record struct TokenVerdict(bool Accepted, string? Refused)
{
    /// <summary>The answer says nothing about the token.</summary>
    public static TokenVerdict Unknown => default;

    /// <summary>The token was accepted.</summary>
    public static TokenVerdict Ok => new(true, null);

    /// <summary>The token was refused for <paramref name="reason"/>.</summary>
    public static TokenVerdict No(string reason) => new(false, reason);
}
