using System.Net;
using Bot.Scheduling;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Bot.Hosting;

/// <summary>
/// Forwarded headers from configured proxies only, and whether the host is reachable beyond loopback: the two facts that
/// decide whether the dashboard may trust a request's address.
/// </summary>
public static class ProxyTrust
{
    /// <summary>Trusts <c>X-Forwarded-For</c>/<c>-Proto</c> from <c>Bot:Dashboard:KnownProxies</c>/<c>KnownNetworks</c> and no one else.</summary>
    public static IServiceCollection AddBotProxyTrust(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dashboard = configuration.GetSection("Bot:Dashboard").Get<DashboardOptions>() ?? new DashboardOptions();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what the operator names is trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in dashboard.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new OptionsValidationException("Bot:Dashboard:KnownProxies", typeof(DashboardOptions), [$"Bot:Dashboard:KnownProxies: '{proxy}' is not an IP address (e.g. 127.0.0.1)"]));
            }

            foreach (var network in dashboard.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new OptionsValidationException("Bot:Dashboard:KnownNetworks", typeof(DashboardOptions), [$"Bot:Dashboard:KnownNetworks: '{network}' is not a network in CIDR form (e.g. 10.0.0.0/8)"]));
            }
        });
        return services;
    }

    /// <summary>Applies the forwarded headers when a proxy is configured; without one they are left for the dashboard to see.</summary>
    public static WebApplication UseBotProxyTrust(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var dashboard = app.Configuration.GetSection("Bot:Dashboard").Get<DashboardOptions>() ?? new DashboardOptions();
        if (dashboard.HasProxies)
        {
            _ = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value; // a bad address fails start here
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>True when any configured URL (<c>urls</c>, <c>Bot:Urls</c>, Kestrel endpoints) binds beyond loopback.</summary>
    public static bool ListensBeyondLoopback(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ConfiguredUrls(configuration).Any(url => !IsLoopbackUrl(url));
    }

    /// <summary>Every URL the host will listen on: <c>urls</c> (else <c>Bot:Urls</c>) and the Kestrel endpoints.</summary>
    public static List<string> ConfiguredUrls(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = new List<string>();
        urls.AddRange(Split(configuration["urls"] is { Length: > 0 } set ? set : configuration["Bot:Urls"]));
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls;
    }

    private static IEnumerable<string> Split(string? urls)
        => (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsLoopbackUrl(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var rest = start < 0 ? url : url[(start + 3)..];
        var host = rest.StartsWith('[') ? rest[1..Math.Max(1, rest.IndexOf(']', StringComparison.Ordinal))] : rest.Split(':', '/')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
