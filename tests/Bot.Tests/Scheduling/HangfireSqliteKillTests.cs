using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Scheduling;
using Bot.Tests.Cluster;
using Bot.Tests.Support;
using Bot.TestSupport.FakeDiscord;
using Bot.TestSupport.Hosting;
using Hangfire.Storage;

namespace Bot.Tests.Scheduling;

/// <summary>
/// The embedded default (Hangfire.Storage.SQLite in data/hangfire.db) across a real kill: <c>dotnet Bot.dll serve</c> is
/// SIGKILLed while section jobs are scheduled and a retry is pending, then started again on the same data folder and port.
/// </summary>
public sealed class HangfireSqliteKillTests
{
    private const int Drill = 1;
    private static readonly string[] Channels = ["420000000000000001", "420000000000000002"];

    [Fact]
    public async Task KilledWithSectionsScheduledAndARetryPending_RestartPostsEverySectionOnce_KeepsTheDashboardHistory_AndRuns8Workers()
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { AnswerDelay = TimeSpan.FromMilliseconds(300) });
        using var root = new TempDirectory();
        using var signer = new InteractionSigner();
        await using var host = new BotHostProcess("sqlite", root.Path, Environment(fake, signer));
        DrillDigests.WriteSeed(host.DigestsPath);
        await host.StartAsync(FaultDrill.StartTimeout);

        // The test reads hangfire.db through the same storage library, as a second process would (the dashboard's view).
        var monitoring = StateStoreFactory.CreateSqliteStorage(Path.Combine(host.DataPath, "hangfire.db"), TimeSpan.FromSeconds(15)).GetMonitoringApi();

        // Sections two seconds apart: after the first few land, the rest wait as Scheduled jobs in hangfire.db.
        DrillDigests.Write(host.DigestsPath, Drill, DateOnly.FromDateTime(DateTime.UtcNow));
        await WaitAsync(() => Delivered(fake).Count >= 2, "the first sections to land", host);

        // The next posts fail until the client gives up (one retry here), so Hangfire schedules a retry of that section's job.
        fake.InjectFaults([.. Enumerable.Repeat(FakeFault.ServerError(500), 4)]);
        string[] succeededBefore = [];
        await WaitAsync(() =>
        {
            succeededBefore = [.. monitoring.SucceededJobs(0, 500).Select(j => j.Key)];
            return RetryPending(monitoring) && monitoring.ScheduledCount() > 1 && succeededBefore.Length > 0;
        }, "a retry pending beside scheduled sections", host);

        await host.KillAsync();
        var landedBeforeKill = Delivered(fake).Count;
        Assert.InRange(landedBeforeKill, 2, Expected - 1);

        await host.StartAsync(FaultDrill.StartTimeout);
        await WaitAsync(() => Delivered(fake).Count == Expected, $"all {Expected} sections after the restart", host, TimeSpan.FromSeconds(150));
        await Task.Delay(TimeSpan.FromSeconds(3)); // anything sent twice would land by now

        var delivered = Delivered(fake);
        Assert.Equal(Expected, delivered.Count);
        Assert.All(delivered, d => Assert.True(d.Value == 1, $"{d.Key} landed {d.Value} times"));

        // The dashboard of the restarted host still lists jobs that succeeded before the kill, and its server has 8 workers.
        Assert.All(succeededBefore, id => Assert.NotNull(monitoring.JobDetails(id)));
        Assert.Contains(monitoring.Servers(), s => s.WorkersCount == 8 && s.Heartbeat > DateTime.UtcNow.AddMinutes(-1));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{host.Port}/hangfire/jobs/succeeded?count=500")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:s3cret"))) },
        };
        using var page = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.All(succeededBefore, id => Assert.Matches($"#{id}(?!\\d)", html));
    }

    private static int Expected => Channels.Length * DrillDigests.Sections.Length;

    private static Dictionary<string, string> Environment(FakeDiscordServer fake, InteractionSigner signer)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Bot__TimeZone"] = "UTC",
            ["Bot__Templates__Path"] = RepoPaths.Templates,
            ["Bot__Scheduling__PostOnFirstStart"] = "None",
            ["Bot__Discord__ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Bot__Discord__BotToken"] = fake.Options.BotToken,
            ["Bot__Discord__ApplicationId"] = fake.Options.ApplicationId,
            ["Bot__Discord__PublicKey"] = signer.PublicKeyHex,
            ["Bot__Discord__MaxRetries"] = "1",
            ["Bot__Dashboard__Username"] = "ops",
            ["Bot__Dashboard__Password"] = "s3cret",
            ["DOTNET_gcServer"] = "0",
        };
        for (var i = 0; i < Channels.Length; i++)
        {
            var at = $"Bot__Subscriptions__{i}__";
            environment[at + "Name"] = $"kill-{i}";
            environment[at + "Target"] = "discord:channel:" + Channels[i];
            environment[at + "Trigger"] = "Published";
            environment[at + "Cron"] = "0 9 * * MON";
            environment[at + "TimeZone"] = "UTC";
            environment[at + "SectionSpacing"] = "00:00:02";
            for (var s = 0; s < DrillDigests.Sections.Length; s++)
            {
                environment[at + $"Sections__{s}"] = DrillDigests.Sections[s].ToLowerInvariant();
            }
        }

        return environment;
    }

    // A section job that failed and was put back by Hangfire's AutomaticRetry: Scheduled, with "Retry attempt" as the reason.
    private static bool RetryPending(IMonitoringApi monitoring)
        => monitoring.ScheduledJobs(0, 500).Any(j => monitoring.JobDetails(j.Key)?.History is { Count: > 0 } history
            && history.Any(h => h.StateName == "Scheduled" && h.Reason?.StartsWith("Retry attempt", StringComparison.Ordinal) == true));

    /// <summary>(channel, section) → how many messages of the drill digest landed there.</summary>
    private static Dictionary<string, int> Delivered(FakeDiscordServer fake)
    {
        var digest = new Regex(Regex.Escape(DrillDigests.Title(Drill)) + @"(?!\d)", RegexOptions.CultureInvariant);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var message in fake.Messages)
        {
            var title = message.Body["embeds"]?[0]?["title"]?.GetValue<string>();
            if (title is not null && digest.IsMatch(title))
            {
                var key = message.ChannelId + "/" + (DrillDigests.Sections.FirstOrDefault(title.Contains) ?? "?");
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }

    private static async Task WaitAsync(Func<bool> condition, string what, BotHostProcess host, TimeSpan? timeout = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(90)))
            {
                throw new TimeoutException($"waited {clock.Elapsed.TotalSeconds:0} s for {what}; the host's last lines:\n{host.Tail(60)}");
            }

            await Task.Delay(200);
        }
    }
}
