using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bot.Library.State;
using Bot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Hosting;

// Issue 11, metrics: /metrics is guarded by the dashboard's own rule, and its text shows what the host did.
[Collection(nameof(ConsoleCollection))]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_OpensToADirectLoopbackRequest_LikeTheDashboard()
    {
        using var host = Host();
        using var client = host.CreateClient();

        var response = await client.SendAsync(Get("/metrics", peer: "127.0.0.1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bot:Dashboard:KnownProxies:0", "127.0.0.1", null)] // a proxy is configured
    [InlineData("urls", "http://0.0.0.0:5080", null)] // the host listens beyond loopback
    [InlineData("Bot:Scheduling:PostOnFirstStart", "None", "203.0.113.5")] // a local proxy nobody configured forwards the request
    public async Task Metrics_IsRefusedWithoutCredentials_WhereverTheDashboardIs(string key, string value, string? forwardedFor)
    {
        using var host = Host((key, value));
        using var client = host.CreateClient();

        var dashboard = await client.SendAsync(Get("/hangfire", peer: "127.0.0.1", forwardedFor: forwardedFor));
        var metrics = await client.SendAsync(Get("/metrics", peer: "127.0.0.1", forwardedFor: forwardedFor));

        Assert.Equal(HttpStatusCode.Unauthorized, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, metrics.StatusCode);
        Assert.DoesNotContain("bot_", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_LetsTheViewerIn_AndRefusesAWrongPassword()
    {
        using var host = Host(
            ("Bot:Dashboard:KnownProxies:0", "127.0.0.1"),
            ("Bot:Dashboard:Username", "ops"), ("Bot:Dashboard:Password", "s3cret"),
            ("Bot:Dashboard:ViewerUsername", "viewer"), ("Bot:Dashboard:ViewerPassword", "look"));
        using var client = host.CreateClient();

        var viewer = await client.SendAsync(Get("/metrics", peer: "127.0.0.1", user: ("viewer", "look")));
        var wrong = await client.SendAsync(Get("/metrics", peer: "127.0.0.1", user: ("viewer", "guess")));

        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("Basic", wrong.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_SharesTheDashboardLockout_FailuresOnOneCountOnTheOther()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T00:00:00Z", CultureInfo.InvariantCulture));
        using var host = Host(time, ("Bot:Dashboard:Username", "ops"), ("Bot:Dashboard:Password", "s3cret"), ("Bot:Dashboard:MaxFailedLogins", "5"));
        using var client = host.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(Get("/hangfire", peer: "198.51.100.1", user: ("ops", $"guess{i}")));
        }

        var locked = await client.SendAsync(Get("/metrics", peer: "198.51.100.1", user: ("ops", "s3cret")));
        var other = await client.SendAsync(Get("/metrics", peer: "198.51.100.2", user: ("ops", "s3cret")));

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Metrics_ShowsEverySectionPosted_AfterTheFirstStartPostsThroughAFakePlatform()
    {
        const string Name = "metrics-scrape";
        var poster = new FakePlatformPoster(TimeProvider.System);
        using var factory = new BotHostFactory(new Dictionary<string, string?> { ["Bot:Subscriptions:0:Name"] = Name }, poster);
        using var host = factory.WithWebHostBuilder(PeerAddress.Use);
        using var client = host.CreateClient();
        var store = host.Services.GetRequiredService<IStateStore>();

        var sent = await WaitForAsync(async () =>
        {
            var sub = await store.FindSubscriptionAsync(Name);
            if (sub is null || (await store.PlannedDigestsAsync(sub.Id)).SingleOrDefault() is not { } digestId)
            {
                return 0;
            }

            var rows = await store.GetDigestRowsAsync(sub.Id, digestId);
            return rows.All(r => r.State == LedgerState.Sent) ? rows.Count : 0;
        });
        var text = await (await client.SendAsync(Get("/metrics", peer: "127.0.0.1"))).Content.ReadAsStringAsync();

        Assert.True(sent > 0, "the first start posted nothing within 90 s");
        Assert.Equal(sent, Sample(text, "bot_posts_sent_total", $"subscription=\"{Name}\""));
        Assert.Equal(sent, poster.Deliveries.Count);
    }

    private static async Task<int> WaitForAsync(Func<Task<int>> probe)
    {
        // Hangfire.Storage.SQLite polls and writes a file: slower than memory on a loaded machine.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is > 0 and var value)
            {
                return value;
            }

            await Task.Delay(200);
        }

        return 0;
    }

    // A Prometheus text sample: name{labels} value [timestamp].
    private static double Sample(string text, string name, string label)
    {
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal));
        Assert.True(line is not null, $"no {name} sample with {label} in:\n{text}");
        var value = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
        return double.Parse(value, CultureInfo.InvariantCulture);
    }

    private static WebApplicationFactory<Program> Host(params (string Key, string Value)[] settings) => Host(null, settings);

    private static WebApplicationFactory<Program> Host(TimeProvider? time, params (string Key, string Value)[] settings)
        => PeeredHost.Create(time, settings);

    private static HttpRequestMessage Get(string path, string peer, (string User, string Password)? user = null, string? forwardedFor = null)
        => PeeredHost.Request(HttpMethod.Get, path, peer, user, forwardedFor);
}
