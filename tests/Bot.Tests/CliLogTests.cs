using Bot.Library;
using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Tests.Support;

namespace Bot.Tests;

[Collection(nameof(ConsoleCollection))]
public sealed class CliLogTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Post_ThatSaysSeeTheLog_WritesThatLog_ToStderr_AsOneLinePerEvent()
    {
        await new DigestLibrary(new BotDatabase(_data.Path)).StoreDigestAsync(TestDigests.Make("d1", new DateOnly(2026, 11, 16), "news"));
        var store = SqlStateStore.ForSqlite(new BotDatabase(_data.Path), TimeProvider.System);
        await store.UpsertSubscriptionAsync(new SubscriptionRecord(0, "chan", "discord", "discord:channel:123456789012345678", ["*"], [], [], "0 9 * * MON", "UTC", 3, TimeSpan.Zero, false, null));

        // No Discord token in the settings: the post fails for good, and the reason must be on screen, not in a log nobody has.
        var (code, output, error) = await CliRunner.RunAsync("post", "--subscription", "chan", "--digest", "d1", "--data", _data.Path);

        Assert.Equal(1, code);
        Assert.Contains("d1 / news: failed for good (see the log)", error, StringComparison.Ordinal);
        Assert.Contains("Bot:Discord:BotToken", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Bot:Discord:BotToken", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Json_PrintsNoLogLinesOnStdout_AndNoInformationalChatter()
    {
        await new DigestLibrary(new BotDatabase(_data.Path)).StoreDigestAsync(TestDigests.Make("d1", new DateOnly(2026, 11, 16), "news"));

        var (code, output, error) = await CliRunner.RunAsync("search", "news", "--json", "--data", _data.Path);

        Assert.Equal(0, code);
        Assert.StartsWith("{", output.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("info:", error, StringComparison.Ordinal);
    }
}
