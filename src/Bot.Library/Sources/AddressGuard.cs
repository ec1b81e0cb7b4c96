using System.Net;
using System.Net.Sockets;

namespace Bot.Library.Sources;

/// <summary>
/// Refuses loopback, private, link-local and other non-public addresses unless <c>AllowPrivateAddresses</c> is set,
/// so a feed (or a redirect) cannot make the host probe its own network.
/// </summary>
internal static class AddressGuard
{
    /// <summary>Null when <paramref name="url"/>'s host resolves only to public addresses, else why it is refused.</summary>
    public static async Task<string?> CheckAsync(Uri url, bool allowPrivate, CancellationToken ct)
    {
        if (allowPrivate)
        {
            return null;
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else if (url.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase) || url.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return $"{url.Host} is a loopback address; set Bot:Digests:AllowPrivateAddresses to follow it";
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(url.IdnHost, ct).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                return $"cannot resolve {url.Host}: {ex.Message}";
            }
        }

        var blocked = addresses.FirstOrDefault(IsPrivate);
        return blocked is null ? null : $"{url.Host} resolves to the non-public address {blocked}; set Bot:Digests:AllowPrivateAddresses to follow it";
    }

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.None))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC;
        }

        var v4 = address.GetAddressBytes();
        return v4[0] switch
        {
            0 or 10 or 127 => true,
            100 => v4[1] >= 64 && v4[1] <= 127,
            169 => v4[1] == 254,
            172 => v4[1] >= 16 && v4[1] <= 31,
            192 => v4[1] == 168 || (v4[1] == 0 && v4[2] == 0),
            198 => v4[1] is 18 or 19,
            >= 224 => true,
            _ => false,
        };
    }
}
