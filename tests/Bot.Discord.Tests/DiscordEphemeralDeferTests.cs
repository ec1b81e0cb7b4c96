using System.Net;
using Bot.Discord.Interactions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests;

/// <summary>
/// Discord: a deferred response (type 5) is ephemeral only if it carries <c>flags: 64</c>, and that cannot change
/// afterwards. Autocomplete answers must come within 3 seconds.
/// </summary>
public sealed class DiscordEphemeralDeferTests
{
    [Fact]
    public async Task SubscriptionCommand_DefersEphemerally_AndEditsThePrivateReply()
    {
        await using var host = await DiscordHostFactory.StartAsync(new Dictionary<string, string?> { ["Bot:Discord:InlineReplyTimeout"] = "00:00:00" });
        using var client = host.CreateClient();

        var (status, body, _) = await Interactions.SendAsync(client, host.Signer, Interactions.Command("subscriptions"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, (int)body!["type"]!);
        Assert.Equal(64, (int)body["data"]!["flags"]!);
        await host.Fake.WaitForAsync(f => f.Messages.Any(m => m.Kind == "interaction-edit"));
        Assert.DoesNotContain(host.Fake.Messages, m => m.Kind is "interaction-delete" or "followup");
    }

    [Fact]
    public async Task PublicCommand_StillDefersPublicly()
    {
        await using var host = await DiscordHostFactory.StartAsync(new Dictionary<string, string?> { ["Bot:Discord:InlineReplyTimeout"] = "00:00:00" });
        using var client = host.CreateClient();

        var (_, body, _) = await Interactions.SendAsync(client, host.Signer, Interactions.Command("papers", ("query", "Sparse")));

        Assert.Null(body!["data"]);
    }

    [Fact]
    public async Task Autocomplete_ThatOutlastsTheBudget_AnswersEmpty()
    {
        var time = new FakeTimeProvider();
        var slow = new TaskCompletionSource<IReadOnlyList<string>>();

        var answer = AutocompleteDeadline.WithinAsync(slow.Task, AutocompleteDeadline.Budget, time);
        time.Advance(AutocompleteDeadline.Budget);

        Assert.Empty(await answer.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(AutocompleteDeadline.Budget < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Autocomplete_InTime_AnswersTheSuggestions()
    {
        var time = new FakeTimeProvider();
        var slow = new TaskCompletionSource<IReadOnlyList<string>>();

        var answer = AutocompleteDeadline.WithinAsync(slow.Task, AutocompleteDeadline.Budget, time);
        time.Advance(TimeSpan.FromSeconds(1));
        slow.SetResult(["a", "b"]);

        Assert.Equal(["a", "b"], await answer.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
