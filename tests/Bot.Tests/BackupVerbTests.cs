using System.Text.Json;
using Bot.Library;
using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests;

[Collection(nameof(ConsoleCollection))]
public sealed class BackupVerbTests : IDisposable
{
    private const string Newest = "2026-10-14-daily-briefing";
    private readonly TempDirectory _backups = new();
    private readonly TempDirectory _restored = new();

    public void Dispose()
    {
        _backups.Dispose();
        _restored.Dispose();
    }

    [Fact]
    public async Task Backup_TakenWhileTheHostPosts_RestoresIntoANewDataDirectory_WithItsDigestsAndLedger_AndNoDuplicates()
    {
        var poster = new GatedPoster();
        var file = Path.Combine(_backups.Path, "nightly.db");
        string hookTarget;
        using (var factory = new BotHostFactory(consolePoster: poster))
        {
            var store = factory.Services.GetRequiredService<IStateStore>(); // starts the host: it ingests the samples and posts the newest digest
            hookTarget = "discord:webhook:https://discord.com/api/webhooks/42/backup-test-token";
            await store.UpsertSubscriptionAsync(new SubscriptionRecord(0, "hook", "discord", hookTarget, ["*"], [], [], "0 9 * * MON", "UTC", 3, TimeSpan.Zero, false, null));
            await poster.Holding.Task.WaitAsync(TimeSpan.FromSeconds(90));

            // The first section is sent, the second is in the poster's hands, the rest are queued: the backup runs now.
            var (code, output, error) = await CliRunner.RunAsync("backup", "--to", file, "--data", factory.DataDirectory);
            poster.Release();

            Assert.True(code == 0, error);
            Assert.Contains($"to {file}", output, StringComparison.Ordinal);
            Assert.Contains($"to {Path.Combine(_backups.Path, "nightly.hangfire.db")}", output, StringComparison.Ordinal);
            await SchedulerHostTestsWait(store);
        }

        // Restore as the README says: the copies become bot.db, hangfire.db and keys/ of a new data directory.
        File.Copy(file, Path.Combine(_restored.Path, "bot.db"));
        File.Copy(Path.Combine(_backups.Path, "nightly.hangfire.db"), Path.Combine(_restored.Path, "hangfire.db"));
        Directory.CreateDirectory(Path.Combine(_restored.Path, "keys"));
        foreach (var key in Directory.GetFiles(Path.Combine(_backups.Path, "nightly.keys")))
        {
            File.Copy(key, Path.Combine(_restored.Path, "keys", Path.GetFileName(key)));
        }

        var status = await CliRunner.RunAsync("status", "--json", "--data", _restored.Path);
        var search = await CliRunner.RunAsync("search", "온디바이스", "--json", "--data", _restored.Path);
        var post = await CliRunner.RunAsync("post", "--subscription", "weekly-console", "--digest", Newest, "--data", _restored.Path);

        Assert.True(status.Code == 0, status.Error);
        using var json = JsonDocument.Parse(status.Output);
        var root = json.RootElement;
        Assert.Equal(Directory.GetFiles(RepoPaths.SampleDigests, "*.md").Length, root.GetProperty("digests").GetProperty("count").GetInt32());
        Assert.Equal(Newest, root.GetProperty("digests").GetProperty("newest").GetProperty("id").GetString());
        var subscriptions = root.GetProperty("subscriptions").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(Newest, subscriptions["weekly-console"].GetProperty("lastPost").GetProperty("digestId").GetString());
        Assert.StartsWith("discord:webhook:", subscriptions["hook"].GetProperty("target").GetString(), StringComparison.Ordinal); // readable: the key ring came along
        Assert.True(root.GetProperty("ledger").GetProperty("pending").GetInt32() >= 1, "the section in flight at backup time is open in the copy");

        Assert.Equal(0, search.Code);
        using var found = JsonDocument.Parse(search.Output);
        var ids = found.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("entryId").GetString()).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var titles = found.RootElement.GetProperty("results").EnumerateArray().Select(r => (r.GetProperty("digestId").GetString(), r.GetProperty("title").GetString())).ToList();
        Assert.Equal(titles.Count, titles.Distinct().Count());

        // What the backup recorded as sent is never sent again from the restored ledger.
        var firstSection = poster.Delivered.First().Split(':')[^1];
        Assert.DoesNotContain($"[console post · {Newest} · {firstSection}]", post.Output, StringComparison.Ordinal);
        Assert.Contains($"{Newest} / {firstSection}: already posted", post.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_WithoutTo_WritesATimestampedCopyUnderData_ThatOpensAsOneFile()
    {
        using var data = new TempDirectory();
        var library = new DigestLibrary(new BotDatabase(data.Path));
        await library.StoreDigestAsync(TestDigests.Make("d1", new DateOnly(2026, 11, 16), "news"));

        var (code, output, error) = await CliRunner.RunAsync("backup", "--data", data.Path);

        Assert.True(code == 0, error);
        var copy = Assert.Single(Directory.GetFiles(Path.Combine(data.Path, "backups"), "bot-*.db"));
        Assert.Contains(copy, output, StringComparison.Ordinal);
        Assert.False(File.Exists(copy + "-wal"));
        File.Copy(copy, Path.Combine(_restored.Path, "bot.db"));
        Assert.Equal("d1", Assert.Single(await new DigestLibrary(new BotDatabase(_restored.Path)).ListDigestsAsync()).Id);
    }

    [Fact]
    public async Task Backup_RefusesToWriteOverBotDbItself()
    {
        using var data = new TempDirectory();

        var (code, _, error) = await CliRunner.RunAsync("backup", "--to", Path.Combine(data.Path, "bot.db"), "--data", data.Path);

        Assert.Equal(2, code);
        Assert.StartsWith("error: --to:", error, StringComparison.Ordinal);
    }

    private static async Task SchedulerHostTestsWait(IStateStore store)
    {
        var sub = (await store.FindSubscriptionAsync("weekly-console"))!;
        await Scheduling.SchedulerHostTests.WaitForAsync(async () =>
        {
            var rows = await store.GetDigestRowsAsync(sub.Id, Newest);
            return rows.Count > 0 && rows.All(r => r.State == LedgerState.Sent) ? rows : null;
        }, seconds: 90);
    }
}
