using System.Net;
using System.Net.Sockets;

namespace Bot.Hosting;

/// <summary>
/// Before <c>serve</c> starts anything: a configured port that another program already listens on is reported at once,
/// instead of after the start-up ingest has begun. Kestrel's own bind failure comes only after the background services have
/// started, and the host then logs each one it cancels as a crash, with a stack trace.
/// </summary>
internal static class PortPreflight
{
    /// <summary>The first configured URL whose address and port another socket listens on, or null.</summary>
    public static string? FirstInUse(IConfiguration configuration)
    {
        foreach (var url in ProxyTrust.ConfiguredUrls(configuration))
        {
            if (Endpoint(url) is not { } endpoint)
            {
                continue;
            }

            using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            // As Kestrel binds on Linux: a connection in TIME_WAIT from the last run does not make the port busy.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            try
            {
                socket.Bind(endpoint);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return url;
            }
            catch (SocketException)
            {
                // Not this check's to judge (an address this machine lacks, no permission): Kestrel reports it as before.
            }
        }

        return null;
    }

    /// <summary>The address and port <paramref name="url"/> binds (localhost as 127.0.0.1, <c>*</c> and <c>+</c> as any), or null.</summary>
    internal static IPEndPoint? Endpoint(string url)
    {
        var wildcard = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) || uri.Port is <= 0 or > 65535)
        {
            return null;
        }

        var host = uri.Host.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new IPEndPoint(IPAddress.Loopback, uri.Port);
        }

        return IPAddress.TryParse(host, out var address) ? new IPEndPoint(address, uri.Port) : null;
    }
}
