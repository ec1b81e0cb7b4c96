namespace Bot.Scheduling;

/// <summary><c>Bot:Dashboard</c>: with both set, <c>/hangfire</c> is open to remote requests with basic auth; otherwise local only.</summary>
public sealed class DashboardOptions
{
    /// <summary>Basic-auth user name.</summary>
    public string? Username { get; set; }

    /// <summary>Basic-auth password (from the environment or user-secrets).</summary>
    public string? Password { get; set; }
}
