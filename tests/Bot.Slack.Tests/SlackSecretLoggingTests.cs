using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Slack.Posting;
using Bot.TestSupport;
using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.Tests;

public sealed class SlackSecretLoggingTests
{
    [Fact]
    public async Task Post_ToWebhook_NeverLogsTheWebhookToken_EvenAtTraceLevel()
    {
        await using var fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { PostInterval = TimeSpan.FromMilliseconds(20) });
        var logs = new CapturingLoggerProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestServices.Settings(fake)).Build();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddBotSlack(configuration);
        await using var provider = services.BuildServiceProvider();
        var poster = provider.GetRequiredService<SlackSectionPoster>();
        var url = fake.WebhookUrl("T0/B0/sekrit-webhook-token");
        var highlight = new SectionHighlight("d1", "Digest", null, null, "news", "News", [new HighlightItem("e1", "Entry", "Summary", "https://example.org/a")], 0);

        await poster.PostAsync(new PostTarget("slack", "webhook", url), new SectionPost("sub/d1/news", highlight));

        Assert.Single(fake.MessagesAt(url));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("sekrit-webhook-token", StringComparison.Ordinal));
    }
}
