using System.Net;
using System.Text.Json.Nodes;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

public sealed class DiscordCommandsTests : DiscordHostTest
{
    [Fact]
    public async Task Papers_AnswersInline_WithEmbedsWithinLimits_AndNoPings()
    {
        var data = await InlineAsync(Interactions.Command("papers", ("query", "Sparse Mixture Routing")));

        var text = data.ToJsonString();
        Assert.Contains("Sparse Mixture Routing", text, StringComparison.Ordinal);
        Assert.Empty(data["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Null(data["flags"]);
    }

    [Fact]
    public async Task Search_WithASection_OnlyShowsThatSection()
    {
        var data = await InlineAsync(Interactions.Command("search", ("query", "모델"), ("section", "papers")));

        Assert.NotEmpty(data["embeds"]!.AsArray());
        Assert.Null(data["flags"]);
    }

    [Fact]
    public async Task Refs_ListsTheReferencesOfTheBestMatch()
    {
        var data = await InlineAsync(Interactions.Command("refs", ("query", "Agents That Know When to Stop")));

        Assert.Contains("Agents That Know When to Stop", data.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refs_Autocomplete_SuggestsEntryTitles()
    {
        var (status, body, _) = await Interactions.SendAsync(Client, Host.Signer, Interactions.Autocomplete("refs", "query", "Sparse"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(8, (int)body!["type"]!);
        var choices = body["data"]!["choices"]!.AsArray();
        Assert.InRange(choices.Count, 1, 25);
        Assert.Contains(choices, c => ((string)c!["name"]!).StartsWith("Sparse Mixture Routing", StringComparison.Ordinal));
        Assert.All(choices, c => Assert.InRange(((string)c!["value"]!).Length, 1, 100));
    }

    [Fact]
    public async Task Digest_ShowsTheNewestDigestsSections()
    {
        var data = await InlineAsync(Interactions.Command("digest"));

        Assert.NotEmpty(data["embeds"]!.AsArray());
    }

    [Fact]
    public async Task Digest_WithAnUnknownDate_IsAnEphemeralErrorThatSaysWhatToDo()
    {
        var data = await InlineAsync(Interactions.Command("digest", ("date", "1999-01-01")));

        Assert.Equal(64, (int)data["flags"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)data["content"]));
    }

    [Fact]
    public async Task Highlights_ShowsTheTopEntriesOfASection()
    {
        var data = await InlineAsync(Interactions.Command("highlights", ("section", "papers"), ("digest", "2026-10-05")));

        var text = data.ToJsonString();
        Assert.Contains("Sparse Mixture Routing", text, StringComparison.Ordinal);
        Assert.Contains("Agents That Know When to Stop", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsAnEphemeralErrorPointingAtRegistration()
    {
        var data = await InlineAsync(Interactions.Command("frobnicate"));

        Assert.Equal(64, (int)data["flags"]!);
        Assert.Contains("commands register", (string)data["content"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_ThenSubscriptions_ThenUnsubscribe_ManageThisChannelsSubscription()
    {
        var subscribed = await InlineAsync(Interactions.Command("subscribe", ("name", "weekly-papers"), ("sections", "papers")));
        var listed = await InlineAsync(Interactions.Command("subscriptions"));
        var removed = await InlineAsync(Interactions.Command("unsubscribe", ("name", "weekly-papers")));
        var after = await InlineAsync(Interactions.Command("subscriptions"));

        Assert.Contains("Subscribed 'weekly-papers'", (string)subscribed["content"]!, StringComparison.Ordinal);
        Assert.Contains("weekly-papers", listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("weekly-papers", (string)removed["content"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("weekly-papers", after.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_TheSameNameFromAnotherGuild_IsThatGuildsOwn()
    {
        // Issue 13: from one guild, /subscribe name:discord-<victim channel> blocked the victim channel with "name is taken".
        var victimName = $"discord-{Interactions.ChannelId}";
        var squat = Interactions.Command("subscribe", ("name", victimName));
        squat["guild_id"] = "777000000000000009";
        squat["channel_id"] = "555000000000000009";

        var squatted = await InlineAsync(squat);
        var victim = await InlineAsync(Interactions.Command("subscribe"));

        Assert.Contains($"Subscribed '{victimName}'", (string)squatted["content"]!, StringComparison.Ordinal);
        Assert.Contains($"Subscribed '{victimName}'", (string)victim["content"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_WithAnUnknownSection_IsAnEphemeralErrorWithAHint()
    {
        var data = await InlineAsync(Interactions.Command("subscribe", ("sections", "paperz")));

        Assert.Equal(64, (int)data["flags"]!);
        Assert.Contains("papers", (string)data["content"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_NextButton_UpdatesTheMessageWithTheNextPage()
    {
        var first = await InlineAsync(Interactions.Command("search", ("query", "모델")));
        var next = first["components"]![0]!["components"]!.AsArray().Last()!;

        var (status, body, _) = await Interactions.SendAsync(Client, Host.Signer, Interactions.Button((string)next["custom_id"]!));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(7, (int)body!["type"]!);
        var second = body["data"]!.AsObject();
        Assert.Empty(DiscordLimitsValidator.ValidateMessage(second));
        Assert.NotEqual(first["embeds"]!.ToJsonString(), second["embeds"]!.ToJsonString());
    }

    [Fact]
    public async Task Paging_AForeignButton_IsAnEphemeralError()
    {
        var (_, body, _) = await Interactions.SendAsync(Client, Host.Signer, Interactions.Button("something-else"));

        Assert.Equal(4, (int)body!["type"]!);
        Assert.Equal(64, (int)body["data"]!["flags"]!);
    }

    private async Task<JsonObject> InlineAsync(JsonObject interaction)
    {
        var (status, body, text) = await Interactions.SendAsync(Client, Host.Signer, interaction);
        Assert.True(status == HttpStatusCode.OK, $"{status}: {text}");
        Assert.Equal(4, (int)body!["type"]!);
        var data = body["data"]!.AsObject();
        Assert.Empty(DiscordLimitsValidator.ValidateMessage(data));
        return data;
    }
}
