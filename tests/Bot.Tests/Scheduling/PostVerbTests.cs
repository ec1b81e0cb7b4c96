using Bot.Cli;
using Bot.Library;
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
