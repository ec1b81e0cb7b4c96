using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Tests.Support;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Hosting;

// Issue 13, "The dashboard": every test here reproduces a request that got in (or did harm) before the fix.
[Collection(nameof(ConsoleCollection))]
public sealed partial class DashboardSecurityTests
{
    private const string Job = "subscription:weekly-console";

    [Fact]
    public async Task Dashboard_OpensToADirectLoopbackRequest_WhenNothingElseIsConfigured()
    {
        using var host = Host();
        using var client = host.CreateClient();

        var response = await client.SendAsync(Get("/hangfire", peer: "127.0.0.1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_RefusesAProxiedRequest_WhenTheProxyIsOnLoopbackButNotConfigured()
    {
        using var host = Host();
        using var client = host.CreateClient();
        var request = Get("/hangfire", peer: "127.0.0.1");
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_RequiresCredentials_WhenAProxyIsConfigured()
    {
        using var host = Host(("Bot:Dashboard:KnownProxies:0", "127.0.0.1"));
        using var client = host.CreateClient();

        var response = await client.SendAsync(Get("/hangfire", peer: "127.0.0.1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_RequiresCredentials_WhenTheHostListensBeyondLoopback()
    {
        using var host = Host(("urls", "http://0.0.0.0:5080"));
        using var client = host.CreateClient();

        var response = await client.SendAsync(Get("/hangfire", peer: "127.0.0.1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_RefusesADirectClientForgingForwardedForLoopback()
    {
        using var host = Host(("Bot:Dashboard:KnownProxies:0", "10.0.0.1"));
        using var client = host.CreateClient();
        var request = Get("/hangfire", peer: "203.0.113.9");
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_LetsTheOperatorInThroughAConfiguredProxy()
    {
        using var host = Host(("Bot:Dashboard:KnownProxies:0", "127.0.0.1"), ("Bot:Dashboard:Username", "ops"), ("Bot:Dashboard:Password", "s3cret"));
        using var client = host.CreateClient();
        var request = Get("/hangfire", peer: "127.0.0.1", user: ("ops", "s3cret"));
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RecurringRemove_IsRefused_FromAForeignOriginWithoutAToken()
    {
        using var host = Host();
        using var client = host.CreateClient();
        var request = Post("/hangfire/recurring/remove", peer: "127.0.0.1");
        request.Headers.Add("Origin", "http://evil.example");

        var response = await client.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(JobExists(host), "the recurring job was removed by a forged request");
    }

    [Fact]
    public async Task RecurringRemove_Works_WithTheTokenFromTheDashboardPage()
    {
        using var host = Host();
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var page = await (await client.SendAsync(Get("/hangfire/recurring", peer: "127.0.0.1"))).Content.ReadAsStringAsync();
        var header = Meta(page, "csrf-header");
        var token = Meta(page, "csrf-token");
        var request = Post("/hangfire/recurring/remove", peer: "127.0.0.1");
        request.Headers.Add(header, token);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(JobExists(host));
    }

    [Fact]
    public async Task Dashboard_IsReadOnly_ForTheViewer()
    {
        using var host = Host(
            ("Bot:Dashboard:Username", "ops"), ("Bot:Dashboard:Password", "s3cret"),
            ("Bot:Dashboard:ViewerUsername", "viewer"), ("Bot:Dashboard:ViewerPassword", "look"));
        using var client = host.CreateClient();

        var viewer = await client.SendAsync(Get("/hangfire/recurring", peer: "203.0.113.7", user: ("viewer", "look")));
        var operatorPage = await client.SendAsync(Get("/hangfire/recurring", peer: "203.0.113.8", user: ("ops", "s3cret")));

        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.DoesNotContain("recurring/remove", await viewer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("recurring/remove", await operatorPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_LocksAnAddressOut_AfterRepeatedFailures_ThenLetsItBackLater()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var host = Host(time, ("Bot:Dashboard:Username", "ops"), ("Bot:Dashboard:Password", "s3cret"), ("Bot:Dashboard:MaxFailedLogins", "5"));
        using var client = host.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(Get("/hangfire", peer: "198.51.100.1", user: ("ops", $"guess{i}")));
        }

        var lockedOut = await client.SendAsync(Get("/hangfire", peer: "198.51.100.1", user: ("ops", "s3cret")));
        var otherAddress = await client.SendAsync(Get("/hangfire", peer: "198.51.100.2", user: ("ops", "s3cret")));
        time.Advance(TimeSpan.FromMinutes(16));
        var later = await client.SendAsync(Get("/hangfire", peer: "198.51.100.1", user: ("ops", "s3cret")));

        Assert.Equal(HttpStatusCode.Unauthorized, lockedOut.StatusCode);
        Assert.True(lockedOut.Headers.RetryAfter is not null, "a locked-out client is told when to retry");
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    private static WebApplicationFactory<Program> Host(params (string Key, string Value)[] settings) => Host(null, settings);

    private static WebApplicationFactory<Program> Host(TimeProvider? time, params (string Key, string Value)[] settings)
        => PeeredHost.Create(time, settings);

    private static bool JobExists(WebApplicationFactory<Program> host)
    {
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Any(j => j.Id == Job);
    }

    private static HttpRequestMessage Get(string path, string peer, (string User, string Password)? user = null)
        => Request(HttpMethod.Get, path, peer, user);

    private static HttpRequestMessage Post(string path, string peer)
    {
        var request = Request(HttpMethod.Post, path, peer, null);
        request.Content = new FormUrlEncodedContent([new("jobs[]", Job)]);
        return request;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string peer, (string User, string Password)? user)
        => PeeredHost.Request(method, path, peer, user);

    private static string Meta(string page, string name)
    {
        var match = MetaPattern().Matches(page).FirstOrDefault(m => m.Groups[1].Value == name);
        Assert.True(match is not null, $"the dashboard page has no {name} meta tag");
        return WebUtility.HtmlDecode(match.Groups[2].Value);
    }

    [GeneratedRegex("<meta name=\"([a-z-]+)\" content=\"([^\"]*)\"")]
    private static partial Regex MetaPattern();
}
