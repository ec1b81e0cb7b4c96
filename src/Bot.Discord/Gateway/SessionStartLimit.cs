namespace Bot.Discord.Gateway;

/// <summary><c>session_start_limit</c> of <c>GET /gateway/bot</c>: how many identifies are left and how they may be spaced.</summary>
public sealed record SessionStartLimit(int Total, int Remaining, TimeSpan ResetAfter, int MaxConcurrency);
