using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Support;

/// <summary>
/// Gives in-process requests the TCP peer address named in <c>X-Test-Peer</c>, as Kestrel would from the socket, before any
/// of the host's middleware runs (the test server has no socket, so no address of its own).
/// </summary>
public sealed class PeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public static void Use(IWebHostBuilder builder)
        => builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddress>());

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
        => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                    context.Connection.LocalIpAddress = IPAddress.Loopback;
                    context.Request.Headers.Remove(Header);
                }

                await nextMiddleware();
            });
            next(app);
        };
}
