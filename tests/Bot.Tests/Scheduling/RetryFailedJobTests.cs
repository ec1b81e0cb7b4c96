using System.Collections.Concurrent;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Library.State;
using Bot.Posting;
using Bot.Scheduling;
using Bot.Tests.Support;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Scheduling;

public sealed class RetryFailedJobTests
{
    [Fact]
    public async Task DashboardRetryFailedJob_IsListed_AndTriggeringItSendsTheFailedPosts()
    {
        var poster = new RefusingPoster();
        using var factory = new BotHostFactory(consolePoster: poster);
        var store = factory.Services.GetRequiredService<IStateStore>(); // starts the host: it posts the newest digest, which is refused
        var failed = await SchedulerHostTests.WaitForAsync(async () =>
        {
            var sub = await store.FindSubscriptionAsync("weekly-console");
            if (sub is null || await store.PlannedDigestsAsync(sub.Id) is not { Count: > 0 } digests)
            {
                return null;
            }

            var rows = await store.GetDigestRowsAsync(sub.Id, digests.Single());
            return rows.All(r => r.State == LedgerState.Failed) ? rows : null;
        }, seconds: 90);

        using (var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            Assert.Contains(connection.GetRecurringJobs(), j => j.Id == LedgerRetry.JobId); // what the dashboard's Recurring jobs page lists
        }

        poster.Refuse = false;
        factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(LedgerRetry.JobId); // the dashboard's "Trigger now"

        await SchedulerHostTests.WaitForAsync(async () =>
        {
            var rows = await Task.WhenAll(failed.Select(r => store.GetRowAsync(r.Id)));
            return rows.All(r => r!.State == LedgerState.Sent) ? rows : null;
        }, seconds: 90);
        Assert.Equal(failed.Select(r => r.LedgerKey).Order(), poster.Delivered.Order());
    }

    private sealed class RefusingPoster : ISectionPoster
    {
        public volatile bool Refuse = true;

        public string Platform => "console";

        public ConcurrentQueue<string> Delivered { get; } = new();

        public Task<PostReceipt> PostAsync(PostTarget target, SectionPost post, CancellationToken ct = default)
        {
            if (Refuse)
            {
                throw new PostException("403 Missing Permissions", permanent: true);
            }

            Delivered.Enqueue(post.LedgerKey);
            return Task.FromResult(new PostReceipt("m-" + Delivered.Count));
        }

        public Task<PostReceipt?> FindPostedAsync(PostTarget target, SectionPost post, CancellationToken ct = default) => Task.FromResult<PostReceipt?>(null);

        public Task<PostReceipt> PostThreadParentAsync(PostTarget target, string ledgerKey, SectionHighlight firstSection, CancellationToken ct = default)
            => Task.FromResult(new PostReceipt("parent"));
    }
}
