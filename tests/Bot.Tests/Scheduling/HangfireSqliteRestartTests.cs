using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Library;
using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Posting;
using Bot.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Scheduling;

/// <summary>The embedded default (Hangfire.Storage.SQLite in data/hangfire.db) across a host stop and start.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class HangfireSqliteRestartTests
{
    [Fact]
    public async Task RestartWithSectionsScheduledAndRetriesPending_PostsEverySectionOnce_AndKeepsTheDashboardHistory()
    {
        using var data = new TempDirectory();
        var failSection = await LastSectionOfNewestDigestAsync(data.Path);
        var poster = new FirstAttemptFailsPoster(failSection);
        var settings = new Dictionary<string, string?>
        {
            ["Bot:DataDirectory"] = data.Path,
            ["Bot:Dashboard:Username"] = "ops",
            ["Bot:Dashboard:Password"] = "s3cret",
            ["Bot:Subscriptions:1:Name"] = "spaced-console",
            ["Bot:Subscriptions:1:Target"] = "console",
            ["Bot:Subscriptions:1:Sections:0"] = "*",
            ["Bot:Subscriptions:1:Cron"] = "0 9 * * MON",
            ["Bot:Subscriptions:1:TimeZone"] = "Asia/Seoul",
            ["Bot:Subscriptions:1:SectionSpacing"] = "00:00:03",
        };

        string[] succeededBefore;
        using (var first = new BotHostFactory(settings, poster))
        {
            var store = first.Services.GetRequiredService<IStateStore>();
            await SchedulerHostTests.WaitForAsync(async () =>
            {
                var rows = await RowsAsync(store);
                var spaced = (rows ?? []).Where(r => r.Sub == "spaced-console").ToList();
                return poster.Failures > 0 && spaced.Any(r => r.Row.State == LedgerState.Sent) && spaced.Any(r => r.Row.State == LedgerState.Pending) ? rows : null;
            }, seconds: 60);

            var monitoring = first.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
            Assert.True(monitoring.ScheduledCount() > 0, "nothing was scheduled when the host stopped");
            succeededBefore = monitoring.SucceededJobs(0, 100).Select(j => j.Key).ToArray();
            Assert.NotEmpty(succeededBefore);
        }

        using var second = new BotHostFactory(settings, poster);
        var after = await SchedulerHostTests.WaitForAsync(async () =>
        {
            var rows = await RowsAsync(second.Services.GetRequiredService<IStateStore>());
            return rows is not null && rows.All(r => r.Row.State == LedgerState.Sent) ? rows : null;
        }, seconds: 90);

        Assert.Equal(after.Select(r => r.Row.LedgerKey).Order(StringComparer.Ordinal), poster.Deliveries.Keys.Order(StringComparer.Ordinal));
        Assert.All(poster.Deliveries, d => Assert.True(d.Value == 1, $"{d.Key} was delivered {d.Value} times"));

        var storage = second.Services.GetRequiredService<JobStorage>();
        Assert.All(succeededBefore, id => Assert.NotNull(storage.GetMonitoringApi().JobDetails(id)));
        Assert.Contains(storage.GetMonitoringApi().Servers(), s => s.WorkersCount == 8);
        using var client = second.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire/jobs/succeeded")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:s3cret"))) },
        };
        var page = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"#{succeededBefore[^1]}", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> LastSectionOfNewestDigestAsync(string dataDirectory)
    {
        var library = new DigestLibrary(new BotDatabase(dataDirectory));
        await library.IngestAsync([RepoPaths.SampleDigests]);
        var newest = (await library.ListDigestsAsync()).OrderBy(d => d.Id, StringComparer.Ordinal).Last();
        return (await library.GetDigestAsync(newest.Id))!.Sections[^1].Key;
    }

    private static async Task<List<(string Sub, LedgerRow Row)>?> RowsAsync(IStateStore store)
    {
        var rows = new List<(string, LedgerRow)>();
        foreach (var name in new[] { "weekly-console", "spaced-console" })
        {
            if (await store.FindSubscriptionAsync(name) is not { } sub || (await store.PlannedDigestsAsync(sub.Id)).SingleOrDefault() is not { } digestId)
            {
                return null;
            }

            rows.AddRange((await store.GetDigestRowsAsync(sub.Id, digestId)).Select(r => (name, r)));
        }

        return rows;
    }

    /// <summary>The platform, which outlives both hosts: the first attempt of each post of one section fails with a 500.</summary>
    private sealed class FirstAttemptFailsPoster(string failSection) : ISectionPoster
    {
        private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
        private int _messages;
        private int _failures;

        public string Platform => "console";

        public ConcurrentDictionary<string, int> Deliveries { get; } = new(StringComparer.Ordinal);

        public int Failures => Volatile.Read(ref _failures);

        public Task<PostReceipt> PostAsync(PostTarget target, SectionPost post, CancellationToken ct = default)
        {
            if (post.Highlight.SectionKey == failSection && _attempts.AddOrUpdate(post.LedgerKey, 1, (_, n) => n + 1) == 1)
            {
                Interlocked.Increment(ref _failures);
                throw new PostException("500 Internal Server Error", permanent: false);
            }

            return Task.FromResult(Deliver(post.LedgerKey));
        }

        public Task<PostReceipt?> FindPostedAsync(PostTarget target, SectionPost post, CancellationToken ct = default)
            => Task.FromResult(Deliveries.ContainsKey(post.LedgerKey) ? new PostReceipt("found-" + post.LedgerKey) : null);

        public Task<PostReceipt> PostThreadParentAsync(PostTarget target, string ledgerKey, SectionHighlight firstSection, CancellationToken ct = default)
            => Task.FromResult(Deliver(ledgerKey));

        private PostReceipt Deliver(string key)
        {
            Deliveries.AddOrUpdate(key, 1, (_, n) => n + 1);
            return new PostReceipt($"m{Interlocked.Increment(ref _messages)}");
        }
    }
}
