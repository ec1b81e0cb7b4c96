using Bot.Cli;
using Bot.Library;
using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Tests.Support;

namespace Bot.Tests.Scheduling;

[Collection(nameof(ConsoleCollection))]
public sealed class PostVerbTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Post_DryRun_PrintsEverySectionAndSendsNothing()
    {
        await SeedAsync();

        var (code, output, _) = await CliRunner.RunAsync("post", "--subscription", "test-console", "--dry-run", "--data", _data.Path);

        Assert.Equal(0, code);
        Assert.Contains("Dry run: 'test-console' would post 2 sections of d2 to console", output, StringComparison.Ordinal);
        Assert.Contains("[console post · d2 · news]", output, StringComparison.Ordinal);
        Assert.Contains("[console post · d2 · papers]", output, StringComparison.Ordinal);
        Assert.Empty(await Store().PlannedDigestsAsync((await Store().FindSubscriptionAsync("test-console"))!.Id));
    }

    [Fact]
    public async Task Post_SendsTheNewestDigestOnce_AndNothingTheSecondTime()
    {
        await SeedAsync();

        var first = await CliRunner.RunAsync("post", "--subscription", "test-console", "--data", _data.Path);
        var second = await CliRunner.RunAsync("post", "--subscription", "test-console", "--data", _data.Path);

        Assert.Equal(0, first.Code);
        Assert.Equal(2, CountPosts(first.Output));
        Assert.Equal(0, second.Code);
        Assert.Equal(0, CountPosts(second.Output));
        Assert.Contains("Nothing to post for 'test-console'", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ReportsAnUnknownDigest_AsOneErrorLine()
    {
        await SeedAsync();

        var (code, output, error) = await CliRunner.RunAsync("post", "--subscription", "test-console", "--digest", "nope", "--data", _data.Path);

        Assert.Equal(1, code);
        Assert.Equal(0, CountPosts(output));
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("'nope'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RefusesAnUnknownSectionKey_WithTheLineServePrints()
    {
        // Options validation no longer reads section keys; post checks them against the library as serve does at start.
        await SeedAsync();
        var config = Path.Combine(_data.Path, "sections.json");
        File.WriteAllText(config, """{ "Bot": { "Subscriptions": [ { "Name": "typo", "Target": "console", "Sections": ["news", "paper"], "Cron": "0 9 * * MON" } ] } }""");

        var (code, output, error) = await CliRunner.RunAsync("post", "--subscription", "typo", "--config", config, "--data", _data.Path);

        Assert.Equal(1, code);
        Assert.Equal(0, CountPosts(output));
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Bot:Subscriptions:0:Sections ('typo'): there is no section 'paper' (did you mean 'papers'?)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SendsAnOlderDigest_WhenNamed()
    {
        await SeedAsync();

        var (code, output, _) = await CliRunner.RunAsync("post", "--subscription", "test-console", "--digest", "d1", "--data", _data.Path);

        Assert.Equal(0, code);
        Assert.Contains("[console post · d1 · news]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FailsWithOneLine_ForAnUnknownSubscription()
    {
        await SeedAsync();

        var (code, _, error) = await CliRunner.RunAsync("post", "--subscription", "nope", "--data", _data.Path);

        Assert.Equal(1, code);
        Assert.Equal("error: there is no subscription 'nope'; known: test-console", error.Trim());
    }

    [Fact]
    public async Task Post_DryRun_RefusesWhatTheRealPostRefuses_InsteadOfNamingAnOlderDigest()
    {
        await SeedAsync();
        await CliRunner.RunAsync("post", "--subscription", "test-console", "--data", _data.Path);

        var dry = await CliRunner.RunAsync("post", "--subscription", "test-console", "--dry-run", "--data", _data.Path);
        var real = await CliRunner.RunAsync("post", "--subscription", "test-console", "--data", _data.Path);

        Assert.DoesNotContain("d1", dry.Output, StringComparison.Ordinal);
        Assert.Contains("nothing to post for 'test-console'", dry.Output, StringComparison.Ordinal);
        Assert.Equal(0, CountPosts(real.Output));
    }

    [Fact]
    public async Task Post_ReportsAFailedRowAsFailed_NotAsAlreadyPosted_AndRetryFailedSendsIt()
    {
        await SeedAsync();
        var store = Store();
        var sub = (await store.FindSubscriptionAsync("test-console"))!;
        var row = (await store.PlanAsync(sub.Id, "d2", [new("news", 0, DateTimeOffset.UtcNow), new("papers", 1, DateTimeOffset.UtcNow)]))[0];
        var claim = await store.TryClaimAsync(row.Id, "earlier-run", TimeSpan.FromMinutes(1));
        await store.MarkFailedAsync(claim.Row!, "401 Unauthorized: no bot token");

        var again = await CliRunner.RunAsync("post", "--subscription", "test-console", "--digest", "d2", "--data", _data.Path);
        var retried = await CliRunner.RunAsync("post", "--subscription", "test-console", "--retry-failed", "--data", _data.Path);

        Assert.Equal(1, again.Code);
        Assert.Contains("d2 / news: failed earlier", again.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("d2 / news: already posted", again.Error, StringComparison.Ordinal);
        Assert.Equal(0, retried.Code);
        Assert.Contains("[console post · d2 · news]", retried.Output, StringComparison.Ordinal);
        Assert.Equal(LedgerState.Sent, (await store.GetRowAsync(row.Id))!.State);
    }

    [Fact]
    public async Task SubscriptionsRemove_KeepsTheLedger_SoAReAddPostsNothingOld()
    {
        await SeedAsync();
        await CliRunner.RunAsync("post", "--subscription", "test-console", "--data", _data.Path);

        var removed = await CliRunner.RunAsync("subscriptions", "remove", "test-console", "--data", _data.Path);
        var again = await Store().UpsertSubscriptionAsync(new SubscriptionRecord(0, "test-console", "test", "console", ["*"], [], [], "0 9 * * MON", "Asia/Seoul", 3, TimeSpan.Zero, false, null));

        Assert.Equal(0, removed.Code);
        Assert.Equal(new HashSet<string> { "d2" }, await Store().PlannedDigestsAsync(again.Id));
    }

    private static int CountPosts(string output) => output.Split('\n').Count(l => l.StartsWith("[console post · ", StringComparison.Ordinal));

    private SqlStateStore Store() => SqlStateStore.ForSqlite(new BotDatabase(_data.Path), TimeProvider.System);

    private async Task SeedAsync()
    {
        var library = new DigestLibrary(new BotDatabase(_data.Path));
        await library.StoreDigestAsync(TestDigests.Make("d1", new DateOnly(2026, 11, 16), "news"));
        await library.StoreDigestAsync(TestDigests.Make("d2", new DateOnly(2026, 11, 23), "news", "papers"));
        await Store().UpsertSubscriptionAsync(new SubscriptionRecord(0, "test-console", "test", "console", ["*"], [], [], "0 9 * * MON", "Asia/Seoul", 3, TimeSpan.Zero, false, null));
    }
}
