using System.Text.Json;
using Bot.Library;
using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Tests.Support;

namespace Bot.Tests;

[Collection(nameof(ConsoleCollection))]
public sealed class StatusVerbTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Status_Json_CountsDigests_NamesTheNewest_AndReportsEachSubscriptionAndTheRowsThatNeedAPerson()
    {
        var library = new DigestLibrary(new BotDatabase(_data.Path));
        await library.StoreDigestAsync(TestDigests.Make("d1", new DateOnly(2026, 11, 16), "news"));
        await library.StoreDigestAsync(TestDigests.Make("d2", new DateOnly(2026, 11, 23), "news", "papers", "tools", "events"));
        var store = Store();
        var sub = await store.UpsertSubscriptionAsync(new SubscriptionRecord(0, "team", "config", "console", ["*"], [], [], "0 9 * * MON", "Asia/Seoul", 3, TimeSpan.Zero, false, null));
        var now = DateTimeOffset.UtcNow;
        var rows = await store.PlanAsync(sub.Id, "d2", [new("news", 0, now), new("papers", 1, now), new("tools", 2, now), new("events", 3, now)]);
        var sent = (await store.TryClaimAsync(rows[0].Id, "test", TimeSpan.FromMinutes(1))).Row!;
        await store.MarkSentAsync(sent, "m1", null);
        await store.MarkFailedAsync((await store.TryClaimAsync(rows[1].Id, "test", TimeSpan.FromMinutes(1))).Row!, "404 Unknown Channel");
        await store.MarkUncertainAsync((await store.TryClaimAsync(rows[2].Id, "test", TimeSpan.FromMinutes(1))).Row!, "timeout on a webhook");

        var (code, output, error) = await CliRunner.RunAsync("status", "--json", "--data", _data.Path);

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("digests").GetProperty("count").GetInt32());
        Assert.Equal("d2", root.GetProperty("digests").GetProperty("newest").GetProperty("id").GetString());
        Assert.Equal("2026-11-23", root.GetProperty("digests").GetProperty("newest").GetProperty("date").GetString());
        var team = Assert.Single(root.GetProperty("subscriptions").EnumerateArray());
        Assert.Equal("team", team.GetProperty("name").GetString());
        Assert.Equal("console", team.GetProperty("target").GetString());
        var next = team.GetProperty("nextRun").GetDateTimeOffset();
        Assert.Equal((DayOfWeek.Monday, 9, 0), (next.DayOfWeek, next.Hour, next.Minute)); // 09:00 Seoul, written with its +09:00 offset
        Assert.Equal(TimeSpan.FromHours(9), next.Offset);
        Assert.InRange(next, now, now.AddDays(7));
        Assert.Equal("d2", team.GetProperty("lastPost").GetProperty("digestId").GetString());
        Assert.Equal("news", team.GetProperty("lastPost").GetProperty("section").GetString());
        var ledger = root.GetProperty("ledger");
        Assert.Equal((1, 1, 1), (ledger.GetProperty("failed").GetInt32(), ledger.GetProperty("uncertain").GetInt32(), ledger.GetProperty("pending").GetInt32()));
        var states = ledger.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("section").GetString(), r.GetProperty("state").GetString(), r.GetProperty("subscription").GetString())).ToList();
        Assert.Equal([("papers", "failed", "team"), ("tools", "uncertain", "team"), ("events", "pending", "team")], states);
        Assert.Equal("404 Unknown Channel", ledger.GetProperty("rows")[0].GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task Status_Text_ShowsOneLinePerSubject_AndHowToRetryAFailedPost()
    {
        var library = new DigestLibrary(new BotDatabase(_data.Path));
        await library.StoreDigestAsync(TestDigests.Make("d1", new DateOnly(2026, 11, 16), "news"));
        var store = Store();
        var sub = await store.UpsertSubscriptionAsync(new SubscriptionRecord(0, "team", "config", "console", ["*"], [], [], "0 9 * * MON", "Asia/Seoul", 3, TimeSpan.Zero, false, null));
        var row = (await store.PlanAsync(sub.Id, "d1", [new("news", 0, DateTimeOffset.UtcNow)]))[0];
        await store.MarkFailedAsync((await store.TryClaimAsync(row.Id, "test", TimeSpan.FromMinutes(1))).Row!, "401 Unauthorized");

        var (code, output, _) = await CliRunner.RunAsync("status", "--data", _data.Path);

        Assert.Equal(0, code);
        Assert.Contains("Digests: 1 stored; newest d1 (2026-11-16)", output, StringComparison.Ordinal);
        Assert.Contains("Subscriptions: 1", output, StringComparison.Ordinal);
        Assert.Contains("team  console  0 9 * * MON Asia/Seoul  next run ", output, StringComparison.Ordinal);
        Assert.Contains("no post yet", output, StringComparison.Ordinal);
        Assert.Contains("Ledger: 1 failed, 0 uncertain, 0 pending", output, StringComparison.Ordinal);
        Assert.Contains("failed  team  d1 / news", output, StringComparison.Ordinal);
        Assert.Contains("401 Unauthorized", output, StringComparison.Ordinal);
        Assert.Contains("--retry-failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_OnAnEmptyDataDirectory_SaysNothingIsStored_AndSucceeds()
    {
        var (code, output, error) = await CliRunner.RunAsync("status", "--data", _data.Path);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("Digests: none stored", output, StringComparison.Ordinal);
        Assert.Contains("Ledger: 0 failed, 0 uncertain, 0 pending", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_MasksAWebhookToken()
    {
        await Store().UpsertSubscriptionAsync(new SubscriptionRecord(0, "hook", "discord", "discord:webhook:https://discord.com/api/webhooks/123/very-secret-token", ["*"], [], [], "0 9 * * MON", "UTC", 3, TimeSpan.Zero, false, null));

        var (_, output, _) = await CliRunner.RunAsync("status", "--json", "--data", _data.Path);

        Assert.Contains("discord:webhook:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-token", output, StringComparison.Ordinal);
    }

    private SqlStateStore Store() => SqlStateStore.ForSqlite(new BotDatabase(_data.Path), TimeProvider.System);
}
