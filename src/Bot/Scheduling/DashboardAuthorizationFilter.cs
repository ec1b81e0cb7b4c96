using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace Bot.Scheduling;

/// <summary>
/// <c>/hangfire</c> access. With credentials configured: basic auth, the operator read-write and the viewer read-only, and an
/// address locked out after repeated failures. Without: loopback requests that did not come through a proxy, and only while
/// the host listens on loopback alone and no proxy is configured; otherwise nobody. One instance guards both the dashboard
/// and <c>/metrics</c>, so they share their rules and the lockout.
/// </summary>
internal sealed class DashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    private const string OperatorKey = "Bot.Dashboard.Operator";

    private readonly string? _username;
    private readonly string? _password;
    private readonly string? _viewerUsername;
    private readonly string? _viewerPassword;
    private readonly bool _requireCredentials;
    private readonly BasicAuthThrottle _throttle;

    public DashboardAuthorizationFilter(DashboardOptions options, bool requireCredentials, BasicAuthThrottle throttle)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_username, _password) = Pair(options.Username, options.Password);
        (_viewerUsername, _viewerPassword) = Pair(options.ViewerUsername, options.ViewerPassword);
        _requireCredentials = requireCredentials;
        _throttle = throttle;
    }

    /// <summary>True when the request was let in as a viewer: Hangfire then hides and refuses every command.</summary>
    public static bool IsReadOnly(DashboardContext context)
        => context?.GetHttpContext().Items[OperatorKey] is not true;

    /// <summary>Whether the dashboard would have to be opened with credentials (a proxy, or listening beyond loopback).</summary>
    public bool RequiresCredentials => _requireCredentials;

    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Authorize(context.GetHttpContext());
    }

    /// <summary>The dashboard's rules for any request (the operator or the viewer gets in); sets the challenge or Retry-After when refused.</summary>
    public bool Authorize(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (_username is null && _viewerUsername is null)
        {
            var local = !_requireCredentials && IsDirectLoopback(http);
            http.Items[OperatorKey] = local;
            return local;
        }

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (_throttle.LockedFor(address) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return false;
        }

        if (Credentials(http.Request.Headers.Authorization.ToString()) is var (user, password))
        {
            if (_username is not null && Same(user, _username) & Same(password, _password!))
            {
                _throttle.Succeed(address);
                http.Items[OperatorKey] = true;
                return true;
            }

            if (_viewerUsername is not null && Same(user, _viewerUsername) & Same(password, _viewerPassword!))
            {
                _throttle.Succeed(address);
                http.Items[OperatorKey] = false;
                return true;
            }

            _throttle.Fail(address);
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Bot dashboard\", charset=\"UTF-8\"";
        return false;
    }

    // A proxy on the same machine makes every request loopback; the forwarding headers it adds give it away even when
    // nobody configured it as a known proxy.
    private static bool IsDirectLoopback(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress;
        var headers = http.Request.Headers;
        return remote is not null
            && (IPAddress.IsLoopback(remote) || remote.Equals(http.Connection.LocalIpAddress))
            && !headers.ContainsKey("X-Forwarded-For") && !headers.ContainsKey("Forwarded") && !headers.ContainsKey("X-Real-IP")
            && !headers.ContainsKey("X-Original-For");
    }

    private static (string User, string Password)? Credentials(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? (pair[..colon], pair[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null; // Not base64: treated as no credentials.
        }
    }

    private static (string?, string?) Pair(string? user, string? password)
        => string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password) ? (null, null) : (user, password);

    private static bool Same(string given, string expected)
        => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
