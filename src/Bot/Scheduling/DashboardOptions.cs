namespace Bot.Scheduling;

/// <summary>
/// <c>Bot:Dashboard</c>: with <see cref="Username"/> and <see cref="Password"/> set, <c>/hangfire</c> takes basic auth;
/// otherwise it is open to loopback requests only, and to nobody once the host listens beyond loopback or sits behind a proxy.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>Basic-auth user name of the operator (read-write dashboard).</summary>
    public string? Username { get; set; }

    /// <summary>Basic-auth password (from the environment or user-secrets).</summary>
    public string? Password { get; set; }

    /// <summary>Basic-auth user name of a viewer, who gets a read-only dashboard.</summary>
    public string? ViewerUsername { get; set; }

    /// <summary>The viewer's password.</summary>
    public string? ViewerPassword { get; set; }

    /// <summary>Addresses of reverse proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c> headers are trusted (e.g. <c>127.0.0.1</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted reverse proxies in CIDR form (e.g. <c>10.0.0.0/8</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Failed logins from one address before it is locked out.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a locked-out address is refused, even with the right credentials.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>True when any proxy is configured: every request then needs credentials.</summary>
    internal bool HasProxies => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
