using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bot.TestSupport.FakeSlack;

namespace Bot.Slack.Tests;

public sealed class SlackEndpointsTests : IAsyncLifetime
{
    private FakeSlackServer _fake = null!;
    private SlackHostFactory _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { PostInterval = TimeSpan.FromMilliseconds(50) });
        _host = new SlackHostFactory(_fake);
        _http = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/interactions")]
    public async Task Post_Returns401_WhenSignatureIsForged(string path)
    {
        var request = SlackHostFactory.Signed(path, SlackHostFactory.CommandForm("papers", "llm", _fake.NewResponseUrl()), secret: "not-the-secret");

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_fake.Messages);
    }

    [Fact]
    public async Task Post_Returns401_WhenTimestampIsStale()
    {
        var request = SlackHostFactory.Signed("/slack/commands", SlackHostFactory.CommandForm("papers", "llm", _fake.NewResponseUrl()), DateTimeOffset.UtcNow.AddMinutes(-6));

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_Returns401_WhenBodyIsAlteredAfterSigning()
    {
        var signed = SlackHostFactory.Signed("/slack/commands", SlackHostFactory.CommandForm("papers", "llm", _fake.NewResponseUrl()));
        var altered = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
        {
            Content = new StringContent(SlackHostFactory.CommandForm("subscriptions", string.Empty, _fake.NewResponseUrl(), userId: "UCONFIGADMIN"), Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        foreach (var header in signed.Headers)
        {
            altered.Headers.Add(header.Key, header.Value);
        }

        var response = await _http.SendAsync(altered);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_Returns401_WhenSignatureHeadersAreMissing()
    {
        var response = await _http.PostAsync("/slack/commands", new StringContent(SlackHostFactory.CommandForm("papers", "llm", _fake.NewResponseUrl()), Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_Returns401_WhenNoSigningSecretIsConfigured()
    {
        await using var open = new SlackHostFactory(_fake, new Dictionary<string, string?> { ["Bot:Slack:SigningSecret"] = string.Empty });
        using var http = open.CreateClient();

        var response = await http.SendAsync(SlackHostFactory.Signed("/slack/commands", SlackHostFactory.CommandForm("papers", "llm", _fake.NewResponseUrl()), secret: string.Empty));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SslCheck_Returns200_ForGetAndPost()
    {
        var get = await _http.GetAsync("/slack/commands?ssl_check=1");
        var post = await _http.PostAsync("/slack/commands", new StringContent("ssl_check=1&token=legacy", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
    }

    [Theory]
    [InlineData("digest-search", "", "Usage: /digest-search")]
    [InlineData("search", "", "Usage: /digest-search")]
    [InlineData("papers", "llm limit:lots", "Usage: /papers")]
    [InlineData("digest", "yesterday", "Usage: /digest")]
    [InlineData("highlights", "", "Usage: /highlights")]
    [InlineData("unsubscribe", "", "Usage: /unsubscribe")]
    public async Task Command_AnswersShortUsageEphemerally_WhenTextIsMalformed(string command, string text, string expected)
    {
        var response = await _http.SendAsync(SlackHostFactory.Signed("/slack/commands", SlackHostFactory.CommandForm(command, text, _fake.NewResponseUrl())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", body["response_type"]!.GetValue<string>());
        Assert.Contains(expected, JsonText.Of(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_IsRefused_ForUsersWhoAreNotAdmins()
    {
        var response = await _http.SendAsync(SlackHostFactory.Signed("/slack/commands", SlackHostFactory.CommandForm("subscriptions", string.Empty, _fake.NewResponseUrl(), userId: "UNOBODY")));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", body["response_type"]!.GetValue<string>());
        Assert.Contains("Only workspace admins", JsonText.Of(body), StringComparison.Ordinal);
    }
}
