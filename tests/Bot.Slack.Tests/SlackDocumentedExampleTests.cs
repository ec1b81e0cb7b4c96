using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bot.TestSupport.FakeSlack;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Slack.Tests;

/// <summary>Slack's documented signing example, sent to the host whose clock stands at the example's timestamp.</summary>
public sealed class SlackDocumentedExampleTests
{
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    [Theory]
    [InlineData(0, HttpStatusCode.OK)]
    [InlineData(301, HttpStatusCode.Unauthorized)]
    public async Task Host_AcceptsTheDocumentedRequest_OnlyWithinFiveMinutesOfItsTimestamp(int secondsLater, HttpStatusCode expected)
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618 + secondsLater));
        await using var host = new SlackHostFactory(fake, new Dictionary<string, string?> { ["Bot:Slack:SigningSecret"] = "8f742231b10e8888abcd99yyyzzz85a5" })
            .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var http = host.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(Body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Request-Timestamp", "1531420618");
        request.Headers.Add("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");

        var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            // Verified, then parsed: the example's command is not one of ours, and the asker is told so.
            var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
            Assert.Contains("/webhook-collect", JsonText.Of(reply), StringComparison.Ordinal);
        }
    }
}
