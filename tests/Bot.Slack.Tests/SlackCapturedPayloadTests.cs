using System.Net;
using Bot.Library;
using Bot.Posting;
using Bot.Scheduling;
using Bot.TestSupport;
using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Slack.Tests;

/// <summary>
/// Issue 12: every request the host sends to Slack in a run that touches each call it makes (chat.postMessage in a
/// channel and in a thread, an incoming webhook, the look-up after a lost answer, chat.update, chat.delete, a
/// response_url answer) is recorded by the fake and checked against the arguments Slack documents for it
/// (<see cref="SlackFieldSets"/>, typed in from Slack's method reference, not from our client).
/// </summary>
public sealed class SlackCapturedPayloadTests : IAsyncLifetime
{
    private FakeSlackServer _fake = null!;

    public async Task InitializeAsync()
        => _fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { PostInterval = TimeSpan.FromMilliseconds(50), TimeoutHang = TimeSpan.FromSeconds(5) });

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task EveryRequestTheHostSends_UsesOnlyItsMethodsDocumentedArguments()
    {
        using var digest = new EditableDigest();
        var settings = new Dictionary<string, string?>
        {
            ["Bot:Slack:InlineReplyBudget"] = "00:00:00",
            // Under the fake's 5 s hang, but no ordinary request on a loaded machine should time out (500 ms did not hold).
            ["Bot:Slack:RequestTimeout"] = "00:00:03",
            ["Bot:Subscriptions:2:Name"] = "threaded",
            ["Bot:Subscriptions:2:Target"] = "slack:channel:CTHREAD",
            ["Bot:Subscriptions:2:Cron"] = "0 0 1 1 *",
            ["Bot:Subscriptions:2:Thread"] = "true",
            ["Bot:Subscriptions:3:Name"] = "hooked",
            ["Bot:Subscriptions:3:Target"] = "slack:webhook:" + _fake.WebhookUrl("captured"),
            ["Bot:Subscriptions:3:Cron"] = "0 0 1 1 *",
        };
        foreach (var (key, value) in SlackCorrectionsHostTests.Subscription("slack:channel:CEDIT"))
        {
            settings[key] = value;
        }

        await using var host = new SlackHostFactory(_fake, settings);
        using var http = host.CreateClient();

        // The first post's answer is lost after Slack stored it: the client looks in the history before resending.
        _fake.EnqueueFault(FakeSlackFault.TimeoutAfterAccepting);
        var (library, _, id, edits) = await SlackCorrectionsHostTests.PostAsync(host, digest);
        await SlackCorrectionsHostTests.PostAsync(host, digest, "threaded");
        await SlackCorrectionsHostTests.PostAsync(host, digest, "hooked");
        digest.Retitle("News", 0, "Harbor robots learn to moor ships (corrected)");
        await library.IngestAsync([digest.Folder]);
        await ActivatorUtilities.CreateInstance<PostCorrector>(host.Services).CorrectAsync();
        await ActivatorUtilities.CreateInstance<PostCorrector>(host.Services).DeleteAsync(edits, id);
        await host.Services.GetRequiredService<DigestLibrary>().IngestAsync([RepoPaths.SampleDigests]);
        var answer = await http.SendAsync(SlackHostFactory.Signed("/slack/commands", SlackHostFactory.CommandForm("papers", "sparse mixture", _fake.NewResponseUrl())));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await _fake.WaitForAsync(m => m.Any(x => x.Kind == "response_url"));

        var requests = _fake.Requests;
        foreach (var method in new[] { "chat.postMessage", "chat.update", "chat.delete", "conversations.history", "webhook", "response_url" })
        {
            Assert.True(requests.Any(r => r.Method == method), $"no {method} request was captured");
        }

        Assert.Contains(requests, r => r.Method == "chat.postMessage" && r.Body["thread_ts"] is not null);
        Assert.Contains(requests, r => r.Method == "conversations.history" && r.Body["oldest"] is not null);
        Assert.All(requests, r => Assert.Empty(SlackFieldSets.Check(r.Method, r.Body)));
        // The lost post was found, not sent again: deleting the three recorded posts leaves the channel empty.
        Assert.Equal(3, _fake.Deletes.Count);
        Assert.Empty(_fake.MessagesIn("CEDIT"));
    }

    [Fact]
    public void FieldSets_RefuseWhatSlackDoesNotDocument()
    {
        Assert.Single(SlackFieldSets.Check("chat.update", new() { ["channel"] = "C", ["ts"] = "1.2", ["thread_ts"] = "1.1" }));
        Assert.Single(SlackFieldSets.Check("webhook", new() { ["text"] = "x", ["channel"] = "C" }));
        Assert.Single(SlackFieldSets.Check("conversations.history", new() { ["channel"] = "C", ["limit"] = "200" }));
        Assert.Single(SlackFieldSets.Check("chat.delete", new() { ["channel"] = "C" }));
    }
}
