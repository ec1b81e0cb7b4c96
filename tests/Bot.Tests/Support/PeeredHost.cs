using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Tests.Support;

/// <summary>
/// A host whose requests arrive from the peer address each test names (<see cref="PeerAddress"/>), for the dashboard's and
/// <c>/metrics</c>' access rules, which depend on where a request comes from and on its credentials.
/// </summary>
public static class PeeredHost
{
    /// <summary>A host that posts nothing on its first start, on <paramref name="time"/> when one is given.</summary>
    public static WebApplicationFactory<Program> Create(TimeProvider? time, params (string Key, string Value)[] settings)
    {
        var all = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        all["Bot:Scheduling:PostOnFirstStart"] = "None";
        return new BotHostFactory(all).WithWebHostBuilder(builder =>
        {
            PeerAddress.Use(builder);
            if (time is not null)
            {
                builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(time)));
            }
        });
    }

    /// <summary>A request from <paramref name="peer"/>, with Basic credentials and a forwarded-for header when given.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string peer, (string User, string Password)? user = null, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(PeerAddress.Header, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (user is var (name, password))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{password}")));
        }

        return request;
    }
}
