using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Posting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Posting.Tests.Support;

/// <summary>
/// The scheduling classes wired by hand over a temp SQLite file and a fake clock, without Hangfire.
/// <see cref="RestartAsync"/> throws away everything a process holds (queue, claims owner, services) and keeps the file and the platform.
/// </summary>
internal sealed class SchedulingHarness : IDisposable
{
    private readonly TempDirectory _dir = new();

    public SchedulingHarness(DateTimeOffset start, double failureRate = 0, TimeSpan? catchUpWindow = null)
    {
        Time = new FakeTimeProvider(start);
        CreatedAt = start.AddDays(-1);
        Options = new PostingOptions { TimeZone = "Asia/Seoul" };
        Options.Scheduling.CatchUpWindow = catchUpWindow ?? TimeSpan.FromDays(1);
        Options.Scheduling.PostOnFirstStart = "None";
        Poster = new FakePlatformPoster(Time, failureRate: failureRate);
        Database = new BotDatabase(_dir.Path);
        Build();
    }

    public FakeTimeProvider Time { get; }

    public PostingOptions Options { get; }

    public BotDatabase Database { get; }

    public FakePlatformPoster Poster { get; }

    public InMemoryDigestCatalog Catalog { get; } = new();

    public FakeJobQueue Queue { get; private set; } = null!;

    public SqlStateStore Store { get; private set; } = null!;

    public PostDispatcher Dispatcher { get; private set; } = null!;

    public PostPlanner Planner { get; private set; } = null!;

    public SectionSender Sender { get; private set; } = null!;

    public CatchUpPlanner CatchUp { get; private set; } = null!;

    public Task<SubscriptionRecord> SubscribeAsync(string name, string cron = "0 9 * * MON", string zone = "Asia/Seoul", TimeSpan spacing = default, bool thread = false, params string[] sections)
        => Store.UpsertSubscriptionAsync(new SubscriptionRecord(
            0, name, "config", "console", sections.Length == 0 ? ["*"] : sections, [], [], cron, zone, 5, spacing, thread, null, CreatedAt));

    /// <summary>When the harness's subscriptions were created: the day before the test starts, so its digests are not a backlog.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Runs the queue until <paramref name="until"/>.</summary>
    public Task<int> RunUntilAsync(DateTimeOffset until, int maxJobs = int.MaxValue) => Queue.RunUntilAsync(Sender, Time, until, maxJobs: maxJobs);

    /// <summary>A stop and a start: the in-memory queue is lost; then start-up catch-up runs at the current fake time.</summary>
    public async Task<IReadOnlyList<SubscriptionRecord>> RestartAsync()
    {
        Build();
        return await CatchUp.CatchUpAsync();
    }

    public void Dispose() => _dir.Dispose();

    private void Build()
    {
        var monitor = new StaticOptionsMonitor<PostingOptions>(Options);
        Queue = new FakeJobQueue();
        Store = SqlStateStore.ForSqlite(Database, Time);
        Dispatcher = new PostDispatcher(Store, Queue, Time, monitor, NullLogger<PostDispatcher>.Instance);
        Planner = new PostPlanner(Store, Catalog, Dispatcher, NullLogger<PostPlanner>.Instance);
        Sender = new SectionSender(Store, Catalog, new PosterRegistry([Poster]), Time, monitor, NullLogger<SectionSender>.Instance);
        CatchUp = new CatchUpPlanner(Store, Planner, Dispatcher, Time, monitor, NullLogger<CatchUpPlanner>.Instance);
    }
}
