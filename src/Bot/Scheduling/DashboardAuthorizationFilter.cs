using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace Bot.Scheduling;

/// <summary>
/// <c>/hangfire</c> access: local requests only, unless <c>Bot:Dashboard:Username</c> and <c>Password</c> are set,
/// in which case any request with matching basic-auth credentials.
/// </summary>
internal sealed class DashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    private readonly string? _username;
    private readonly string? _password;

    public DashboardAuthorizationFilter(string? username, string? password)
    {
        (_username, _password) = string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password) ? (null, null) : (username, password);
    }

    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        if (_username is null)
        {
            var remote = http.Connection.RemoteIpAddress;
            return remote is not null && (IPAddress.IsLoopback(remote) || remote.Equals(http.Connection.LocalIpAddress));
        }

        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && Same(pair[..colon], _username) & Same(pair[(colon + 1)..], _password!))
                {
                    return true;
                }
            }
            catch (FormatException)
            {
                // Not base64: treated as no credentials.
            }
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Bot dashboard\", charset=\"UTF-8\"";
        return false;
    }

    private static bool Same(string given, string expected)
        => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
