using System.Net;
using System.Text.Json.Nodes;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Library;
using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Slack.Tests;

/// <summary>The host with the sample digests ingested, answering signed slash commands and button clicks.</summary>
public sealed class SlackCommandsTests : IAsyncLifetime
{
    private FakeSlackServer _fake = null!;
    private SlackHostFactory _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { PostInterval = TimeSpan.FromMilliseconds(50) });
        _fake.Options.WorkspaceAdmins.Add("UWORKSPACEADMIN");
        _host = new SlackHostFactory(_fake);
        _http = _host.CreateClient();
        await _host.Services.GetRequiredService<DigestLibrary>().IngestAsync([RepoPaths.SampleDigests]);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Papers_AnswersInlineAndEphemeral_WithTheMatchingPaper()
    {
        var reply = await CommandAsync("papers", "sparse mixture routing");

        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Contains("Sparse Mixture Routing", JsonText.Of(reply), StringComparison.Ordinal);
        Assert.Contains("arxiv.org/abs/2409.01234", JsonText.Of(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Papers_AnswersInChannel_WhenAskedForPublic()
    {
        var reply = await CommandAsync("papers", "sparse mixture public");

        Assert.Equal("in_channel", reply["response_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_FindsKoreanEntries_WithNextButtonCarryingThePage()
    {
        var reply = await CommandAsync("search", "모델");

        Assert.Contains("모델", JsonText.Of(reply), StringComparison.Ordinal);
        var next = Buttons(reply).Single(b => b["action_id"]!.GetValue<string>() == "page_next");
        Assert.StartsWith("pg:2:", next["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(Buttons(reply), b => b["action_id"]!.GetValue<string>() == "page_previous");
    }

    [Fact]
    public async Task Search_KeepsToTheSection_WhenOneIsGiven()
    {
        var reply = await CommandAsync("search", "model section:papers");

        Assert.Contains("Sparse Mixture Routing", JsonText.Of(reply), StringComparison.Ordinal);
        Assert.Contains("papers", JsonText.Of(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NextButton_ReplacesTheOriginalMessage_WithPageTwo_ThroughResponseUrl()
    {
        var first = await CommandAsync("search", "모델");
        var next = Buttons(first).Single(b => b["action_id"]!.GetValue<string>() == "page_next");
        var responseUrl = _fake.NewResponseUrl();
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "UUSER" },
            ["channel"] = new JsonObject { ["id"] = "CCHANNEL" },
            ["response_url"] = responseUrl,
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "page_next", ["block_id"] = "b1", ["value"] = next["value"]!.GetValue<string>(), ["type"] = "button" }),
        };

        var response = await _http.SendAsync(SlackHostFactory.Signed("/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = await _fake.WaitForAsync(m => m.Any(x => x.Kind == "response_url"));
        var replaced = Assert.Single(messages, m => m.Kind == "response_url").Body;
        Assert.True(replaced["replace_original"]!.GetValue<bool>());
        Assert.Null(replaced["response_type"]);
        Assert.Contains(Buttons(replaced), b => b["value"]!.GetValue<string>().StartsWith("pg:1:", StringComparison.Ordinal));
        Assert.NotEqual(JsonText.Of(first["blocks"]), JsonText.Of(replaced["blocks"]));
    }

    [Fact]
    public async Task Interactions_Returns401_WhenThePayloadIsAlteredAfterSigning()
    {
        var signed = SlackHostFactory.Signed("/slack/interactions", "payload=" + Uri.EscapeDataString("{\"type\":\"block_actions\"}"));
        var altered = SlackHostFactory.Signed("/slack/interactions", "payload=" + Uri.EscapeDataString("{\"type\":\"block_actions\",\"x\":1}"));
        altered.Headers.Remove("X-Slack-Signature");
        altered.Headers.Add("X-Slack-Signature", signed.Headers.GetValues("X-Slack-Signature"));

        var response = await _http.SendAsync(altered);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Refs_ListsTheReferencesOfTheBestMatch()
    {
        var reply = await CommandAsync("refs", "Sparse Mixture Routing");

        Assert.Contains("arxiv.org", JsonText.Of(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-10-05")]
    public async Task Digest_ShowsTheDigestsSections(string date)
    {
        var reply = await CommandAsync("digest", date);

        Assert.Contains(date.Length == 0 ? "2026-10-14" : "2026-10-05", JsonText.Of(reply), StringComparison.Ordinal);
        Assert.DoesNotContain(":warning:", JsonText.Of(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Highlights_ShowsTheSectionsTopEntries()
    {
        var reply = await CommandAsync("highlights", "papers 2026-10-05");

        Assert.Contains("Sparse Mixture Routing", JsonText.Of(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_IsAcknowledgedAtOnce_AndAnsweredThroughResponseUrl_WhenNotReadyInTime()
    {
        await using var slow = new SlackHostFactory(_fake, new Dictionary<string, string?> { ["Bot:Slack:InlineReplyBudget"] = "00:00:00" });
        using var http = slow.CreateClient();
        await slow.Services.GetRequiredService<DigestLibrary>().IngestAsync([RepoPaths.SampleDigests]);
        var responseUrl = _fake.NewResponseUrl();

        var response = await http.SendAsync(SlackHostFactory.Signed("/slack/commands", SlackHostFactory.CommandForm("papers", "sparse mixture public", responseUrl)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var messages = await _fake.WaitForAsync(m => m.Any(x => x.Kind == "response_url"));
        var answer = Assert.Single(messages, m => m.Kind == "response_url").Body;
        Assert.Equal("in_channel", answer["response_type"]!.GetValue<string>());
        Assert.Contains("Sparse Mixture Routing", JsonText.Of(answer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UCONFIGADMIN")]
    [InlineData("UWORKSPACEADMIN")]
    public async Task Subscribe_List_Unsubscribe_WorkForAdmins(string admin)
    {
        var subscribed = await CommandAsync("subscribe", "name:slack-weekly sections:papers cron:\"0 9 * * MON\" tz:Asia/Seoul", admin);
        var listed = await CommandAsync("subscriptions", string.Empty, admin);
        var removed = await CommandAsync("unsubscribe", "slack-weekly", admin);
        var after = await CommandAsync("subscriptions", string.Empty, admin);

        Assert.Contains("Subscribed 'slack-weekly'", JsonText.Of(subscribed), StringComparison.Ordinal);
        Assert.Contains("slack-weekly", JsonText.Of(listed), StringComparison.Ordinal);
        Assert.Contains("Unsubscribed 'slack-weekly'", JsonText.Of(removed), StringComparison.Ordinal);
        Assert.DoesNotContain("slack-weekly", JsonText.Of(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_TheSameNameFromAnotherWorkspace_IsThatWorkspacesOwn()
    {
        // Issue 13: names were global, so one workspace could take (and probe for) another's subscription names.
        async Task<string> SubscribeAsync(string team, string channel)
        {
            var form = SlackHostFactory.CommandForm("subscribe", "name:shared-weekly", _fake.NewResponseUrl(), "UCONFIGADMIN", channel)
                .Replace("team_id=T0FAKE", $"team_id={team}", StringComparison.Ordinal);
            var response = await _http.SendAsync(SlackHostFactory.Signed("/slack/commands", form));
            return JsonText.Of(JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
        }

        var first = await SubscribeAsync("T0FAKE", "CFIRST");
        var other = await SubscribeAsync("T0OTHER", "CSECOND");
        var sameWorkspace = await SubscribeAsync("T0FAKE", "CTHIRD");

        Assert.Contains("Subscribed 'shared-weekly'", first, StringComparison.Ordinal);
        Assert.Contains("Subscribed 'shared-weekly'", other, StringComparison.Ordinal);
        Assert.Contains("taken by another subscription in this workspace", sameWorkspace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostPoster_PostsToChannelAndWebhook_OnTheFake()
    {
        var poster = _host.Services.GetServices<ISectionPoster>().Single(p => p.Platform == "slack");
        var highlight = new SectionHighlight("d", "Digest", null, null, "papers", "Papers", [new HighlightItem("e", "Entry", "Summary", "https://example.org/a")], 0);
        var webhook = _fake.WebhookUrl("host-hook");

        await poster.PostAsync(new PostTarget("slack", "channel", "CHOST"), new SectionPost("k/1", highlight));
        await poster.PostAsync(new PostTarget("slack", "webhook", webhook), new SectionPost("k/2", highlight));

        Assert.Equal("k/1", Assert.Single(_fake.MessagesIn("CHOST")).LedgerKey);
        Assert.Single(_fake.MessagesAt(webhook));
    }

    private async Task<JsonNode> CommandAsync(string command, string text, string userId = "UUSER")
    {
        var response = await _http.SendAsync(SlackHostFactory.Signed("/slack/commands", SlackHostFactory.CommandForm(command, text, _fake.NewResponseUrl(), userId)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(body), $"/{command} {text} was not answered inline");
        var reply = JsonNode.Parse(body)!;
        Assert.Empty(FakeSlackValidator.Validate(reply.AsObject()));
        return reply;
    }

    private static List<JsonNode> Buttons(JsonNode message)
        => [.. message["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!)];
}
