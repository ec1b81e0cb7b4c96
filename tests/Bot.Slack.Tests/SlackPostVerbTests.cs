using System.Diagnostics;
using Bot.TestSupport.FakeSlack;

namespace Bot.Slack.Tests;

/// <summary>The real pipeline (the <c>post</c> verb: planner, ledger, sender) posting to Slack through the fake.</summary>
public sealed class SlackPostVerbTests : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "bot-slack-post", Guid.NewGuid().ToString("N"));
    private FakeSlackServer _fake = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        _fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { PostInterval = TimeSpan.FromMilliseconds(50) });
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_SendsEachSectionOnce_IntoTheDigestsThread_AndNothingOnASecondRun(bool thread)
    {
        var target = thread ? "slack:channel:CTHREADED" : $"slack:webhook:{_fake.WebhookUrl("verb-hook")}";
        Assert.Equal(0, await RunAsync(target, thread, "ingest", RepoPaths.SampleDigests));

        Assert.Equal(0, await RunAsync(target, thread, "post", "--subscription", "slack-test"));
        var first = _fake.Messages;
        Assert.Equal(0, await RunAsync(target, thread, "post", "--subscription", "slack-test"));

        Assert.Equal(first.Count, _fake.Messages.Count);
        Assert.Empty(_fake.Rejections);
        if (thread)
        {
            var parent = first[0];
            Assert.Null(parent.ThreadTs);
            Assert.True(first.Count > 1);
            Assert.All(first.Skip(1), m => Assert.Equal(parent.Ts, m.ThreadTs));
            Assert.Equal(first.Count, first.Select(m => m.LedgerKey).Distinct().Count());
        }
        else
        {
            Assert.NotEmpty(first);
            Assert.All(first, m => Assert.Equal("webhook", m.Kind));
        }
    }

    private async Task<int> RunAsync(string target, bool thread, params string[] args)
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "Bot.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _work, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(bot);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(Path.Combine(_work, "data"));
        start.Environment["Bot__Slack__BotToken"] = _fake.Options.BotToken;
        start.Environment["Bot__Slack__ApiBaseUrl"] = _fake.ApiBaseUrl;
        start.Environment["Bot__Slack__PostInterval"] = "00:00:00.060";
        start.Environment["Bot__Subscriptions__0__Name"] = "slack-test";
        start.Environment["Bot__Subscriptions__0__Target"] = target;
        start.Environment["Bot__Subscriptions__0__Cron"] = "0 9 * * MON";
        start.Environment["Bot__Subscriptions__0__TimeZone"] = "Asia/Seoul";
        start.Environment["Bot__Subscriptions__0__Sections__0"] = "*";
        start.Environment["Bot__Subscriptions__0__EntriesPerSection"] = "3";
        start.Environment["Bot__Subscriptions__0__Thread"] = thread ? "true" : "false";
        start.Environment["Bot__Digests__Watch"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A bound for a hang, not a speed check: one run of the real process took over a minute at load 70.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"bot {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}\n{await stdout}");
        return process.ExitCode;
    }
}
