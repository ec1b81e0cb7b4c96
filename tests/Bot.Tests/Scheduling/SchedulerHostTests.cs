using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bot.Library.State;
using Bot.Tests.Support;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Scheduling;

// Hosts built in-process (WebApplicationFactory, CLI verbs) must not overlap: the factory intercepts whichever host is built next.
[Collection(nameof(ConsoleCollection))]
public sealed class SchedulerHostTests
{
    [Fact]
    public async Task Host_PostsTheNewestDigestOnceInOrder_OnFirstStart_ThroughHangfire()
    {
        var poster = new FakePlatformPoster(TimeProvider.System);
        using var factory = new BotHostFactory(consolePoster: poster);
        _ = factory.Services; // starts the host

        var store = factory.Services.GetRequiredService<IStateStore>();
        var rows = await WaitForAsync(async () =>
        {
            var sub = await store.FindSubscriptionAsync("weekly-console");
            if (sub is null || (await store.PlannedDigestsAsync(sub.Id)).SingleOrDefault() is not { } digestId)
            {
                return null;
            }

            var digestRows = await store.GetDigestRowsAsync(sub.Id, digestId);
            return digestRows.All(r => r.State == LedgerState.Sent) ? digestRows : null;
        }, seconds: 90); // Hangfire.Storage.SQLite (the default now) polls and writes a file: slower than memory on a loaded machine.

        Assert.Equal("2026-10-14-daily-briefing", rows[0].DigestId);
        Assert.Equal(rows.Select(r => r.SectionKey), poster.Log.Select(l => l.Section));
        Assert.All(poster.Deliveries.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Host_RegistersOneRecurringJobPerSubscription_WithItsCronAndTimeZone()
    {
        using var factory = new BotHostFactory(new Dictionary<string, string?>
        {
            ["Bot:Subscriptions:1:Name"] = "berlin-papers",
            ["Bot:Subscriptions:1:Target"] = "console",
            ["Bot:Subscriptions:1:Sections:0"] = "papers",
            ["Bot:Subscriptions:1:Cron"] = "30 7 * * FRI",
            ["Bot:Subscriptions:1:TimeZone"] = "Europe/Berlin",
            ["Bot:Scheduling:PostOnFirstStart"] = "None",
        });

        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);

        Assert.Equal(("0 9 * * MON", "Asia/Seoul"), (jobs["subscription:weekly-console"].Cron, jobs["subscription:weekly-console"].TimeZoneId));
        Assert.Equal(("30 7 * * FRI", "Europe/Berlin"), (jobs["subscription:berlin-papers"].Cron, jobs["subscription:berlin-papers"].TimeZoneId));
        Assert.Equal(2, jobs.Keys.Count(id => id.StartsWith("subscription:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Host_ExpiresFinishedHangfireJobsAfterADay_AsTheSchedulingSoakAssumes()
    {
        // bench scheduling-soak --storage sqlite plays this server: it expires finished jobs and aggregates counters with the
        // storage's own components, daily. If the host stops expiring them, hangfire.db grows with every job and the soak
        // no longer measures the host (docs/benchmarks.md, "The working set").
        using var factory = new BotHostFactory(new Dictionary<string, string?> { ["Bot:Scheduling:PostOnFirstStart"] = "None" });

        var storage = Assert.IsType<Hangfire.Storage.SQLite.SQLiteStorage>(factory.Services.GetRequiredService<JobStorage>());
#pragma warning disable CS0618 // GetComponents: what Hangfire's server runs for this storage (Hangfire.Storage.SQLite 0.4.3 has no processes API)
        var components = storage.GetComponents().Select(c => c.GetType()).ToList();
#pragma warning restore CS0618

        Assert.Equal(TimeSpan.FromDays(1), storage.JobExpirationTimeout);
        Assert.Contains(typeof(Hangfire.Storage.SQLite.ExpirationManager), components);
        Assert.Contains(typeof(Hangfire.Storage.SQLite.CountersAggregator), components);
    }

    [Fact]
    public async Task Dashboard_AsksForCredentials_WhenTheyAreConfigured()
    {
        using var factory = new BotHostFactory(new Dictionary<string, string?>
        {
            ["Bot:Dashboard:Username"] = "ops",
            ["Bot:Dashboard:Password"] = "s3cret",
            ["Bot:Scheduling:PostOnFirstStart"] = "None",
        });
        using var client = factory.CreateClient();

        var anonymous = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/hangfire") { Headers = { Authorization = Basic("ops", "guess") } };
        using var right = new HttpRequestMessage(HttpMethod.Get, "/hangfire") { Headers = { Authorization = Basic("ops", "s3cret") } };

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Basic", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(right)).StatusCode);
    }

    [Fact]
    public async Task Dashboard_RefusesRequestsWithoutALocalAddress_WhenNoCredentialsAreConfigured()
    {
        using var factory = new BotHostFactory(new Dictionary<string, string?> { ["Bot:Scheduling:PostOnFirstStart"] = "None" });
        using var client = factory.CreateClient();

        // The in-process test server has no remote address, so it is not a local request (the process test checks loopback).
        var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static AuthenticationHeaderValue Basic(string user, string password)
        => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    internal static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, int seconds = 30)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"timed out after {seconds} s");
            await Task.Delay(200);
        }
    }
}
