using Bot.Library.State;
using Bot.Posting;
using Bot.Scheduling;
using Bot.Tests.Support;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Bot.Tests.Scheduling;

[Collection(nameof(ConsoleCollection))]
public sealed class PostgresStateTests : IClassFixture<PostgresCluster>
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    private readonly PostgresCluster _cluster;

    public PostgresStateTests(PostgresCluster cluster)
    {
        _cluster = cluster;
    }

    [PostgresFact]
    public async Task TryClaimAsync_LetsExactlyOneHostWin_OnPostgres()
    {
        var connection = await _cluster.CreateDatabaseAsync();
        var time = new FakeTimeProvider(Monday);
        await using var a = NpgsqlDataSource.Create(connection);
        await using var b = NpgsqlDataSource.Create(connection);
        var (hostA, hostB) = (PostgresState.CreateStore(a, time), PostgresState.CreateStore(b, time));
        var sub = await hostA.UpsertSubscriptionAsync(new SubscriptionRecord(0, "weekly", "config", "console", ["*"], [], [], "0 9 * * MON", "Asia/Seoul", 5, TimeSpan.Zero, false, null));
        var plannedTwice = await Task.WhenAll(
            hostA.PlanAsync(sub.Id, "d1", [new("news", 0, Monday), new("papers", 1, Monday)]),
            hostB.PlanAsync(sub.Id, "d1", [new("news", 0, Monday), new("papers", 1, Monday)]));

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? hostA : hostB).TryClaimAsync(plannedTwice[0][0].Id, $"host-{i}", TimeSpan.FromMinutes(5))));
        time.Advance(TimeSpan.FromMinutes(6));
        var takeover = await hostB.TryClaimAsync(plannedTwice[0][0].Id, "restarted", TimeSpan.FromMinutes(5));

        Assert.Equal(plannedTwice[0].Select(r => r.Id), plannedTwice[1].Select(r => r.Id));
        Assert.Single(claims, c => c.Claimed);
        Assert.True(takeover.Claimed);
        Assert.Equal(2, takeover.Row!.Attempts);
        Assert.Equal("weekly", (await hostB.FindSubscriptionAsync("weekly"))!.Name);
    }

    [PostgresFact]
    public async Task TwoHostsSharingAPostgresLedger_SendEachSectionOnce_WhenBothRunEveryJob()
    {
        var connection = await _cluster.CreateDatabaseAsync();
        var time = new FakeTimeProvider(Monday);
        var catalog = new InMemoryDigestCatalog();
        var poster = new FakePlatformPoster(time, failureRate: 0.2, seed: 3);
        var options = new StaticOptionsMonitor<PostingOptions>(new PostingOptions());
        await using var a = NpgsqlDataSource.Create(connection);
        await using var b = NpgsqlDataSource.Create(connection);
        var hosts = new[] { a, b }.Select(source =>
        {
            var store = PostgresState.CreateStore(source, time);
            var sender = new SectionSender(store, catalog, new Bot.Posting.PosterRegistry([poster]), time, options, NullLogger<SectionSender>.Instance);
            return (Store: store, Sender: sender);
        }).ToArray();
        var rows = new List<LedgerRow>();
        for (var i = 0; i < 20; i++)
        {
            catalog.Add(TestDigests.Make($"d{i}", new DateOnly(2026, 11, 1).AddDays(i), "news", "papers", "tools", "mlops"));
            var sub = await hosts[i % 2].Store.UpsertSubscriptionAsync(new SubscriptionRecord(0, $"channel-{i}", "config", "console", ["*"], [], [], "0 9 * * MON", "UTC", 5, TimeSpan.Zero, false, null));
            rows.AddRange(await hosts[i % 2].Store.PlanAsync(sub.Id, $"d{i}", [.. new[] { "news", "papers", "tools", "mlops" }.Select((k, p) => new PlannedSection(k, p, Monday))]));
        }

        // Every job runs on both hosts at once, position by position; failed attempts are retried until the row is closed.
        foreach (var position in rows.GroupBy(r => r.Position).OrderBy(g => g.Key))
        {
            for (var round = 0; round < 30; round++)
            {
                await Task.WhenAll(position.SelectMany(r => hosts.Select(h => Task.Run(async () =>
                {
                    try
                    {
                        await h.Sender.SendAsync(r.Id);
                    }
                    catch (Bot.Core.Posting.PostException)
                    {
                        // Released for the next round, as a Hangfire retry would.
                    }
                }))));
            }
        }

        Assert.Equal(rows.Count, poster.Deliveries.Count);
        Assert.All(poster.Deliveries.Values, count => Assert.Equal(1, count));
        Assert.Empty(await hosts[0].Store.ListOpenRowsAsync());
    }

    [PostgresFact]
    public async Task Host_OnPostgreSqlStorage_KeepsLedgerAndRecurringJobsInPostgres()
    {
        var connection = await _cluster.CreateDatabaseAsync();
        var poster = new FakePlatformPoster(TimeProvider.System);
        using var factory = new BotHostFactory(
            new Dictionary<string, string?> { ["Bot:Scheduling:Storage"] = "PostgreSql", ["Bot:Scheduling:ConnectionString"] = connection },
            consolePoster: poster);

        var store = factory.Services.GetRequiredService<IStateStore>();
        await SchedulerHostTests.WaitForAsync(async () => poster.Log.Count >= 5 && (await store.ListOpenRowsAsync()).Count == 0 ? "done" : null, seconds: 90);
        await using var source = NpgsqlDataSource.Create(connection);
        await using var count = source.CreateCommand("SELECT count(*) FROM post_ledger WHERE state = 'sent'");
        using var jobs = factory.Services.GetRequiredService<JobStorage>().GetConnection();

        Assert.Equal(poster.Log.Count, Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(jobs.GetRecurringJobs(), j => j.Id == "subscription:weekly-console" && j.TimeZoneId == "Asia/Seoul");
        Assert.Equal("Hangfire.PostgreSql.PostgreSqlStorage", factory.Services.GetRequiredService<JobStorage>().GetType().FullName);
    }
}
