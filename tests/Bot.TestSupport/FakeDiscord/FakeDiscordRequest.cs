namespace Bot.TestSupport.FakeDiscord;

/// <summary>One request the fake answered, in arrival order.</summary>
/// <param name="Bucket">The rate-limit key (route template and major parameter), or null for unlimited routes.</param>
/// <param name="UserAgent">The <c>User-Agent</c> header as sent.</param>
/// <param name="Path">The request path as sent (it shows the API version used).</param>
/// <param name="HadAuthorization">Whether an <c>Authorization</c> header came (it must not, on webhooks).</param>
public sealed record FakeDiscordRequest(string Method, string Template, string? Bucket, int Status, bool Injected, DateTimeOffset At, string? UserAgent, bool HadAuthorization, string? Path = null);
