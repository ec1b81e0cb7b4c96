using System.Net;
using System.Text;
using Bot.TestSupport;
using Bot.TestSupport.FakeSlack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.Tests;

// Issue 13, "Commands": a signed form with more than 1,024 fields answered 500, and an unsigned flood wrote a warning per request.
public sealed class SlackHardeningTests : IAsyncLifetime
{
    private FakeSlackServer _fake = null!;
    private SlackHostFactory _host = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { PostInterval = TimeSpan.FromMilliseconds(50) });
        _host = new SlackHostFactory(_fake);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/interactions")]
    public async Task Post_Returns400_ForASignedFormWithMoreThan1024Fields(string path)
    {
        using var http = _host.CreateClient();
        var body = string.Join('&', Enumerable.Range(0, 1_100).Select(i => $"f{i}=v"));

        var response = await http.SendAsync(SlackHostFactory.Signed(path, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_Returns400_ForASignedBodyWithAnOverlongKey()
    {
        using var http = _host.CreateClient();
        var body = new string('k', 5_000) + "=v";

        var response = await http.SendAsync(SlackHostFactory.Signed("/slack/commands", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnsignedFlood_WritesOneWarning_NotOnePerRequest()
    {
        var logs = new CapturingLoggerProvider();
        using var host = _host.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));
        using var http = host.CreateClient();

        for (var i = 0; i < 50; i++)
        {
            using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
            {
                Content = new StringContent("command=%2Fpapers&text=x", Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(unsigned)).StatusCode);
        }

        Assert.Single(logs.Lines, line => line.Contains("Rejected a Slack request", StringComparison.Ordinal));
    }
}
