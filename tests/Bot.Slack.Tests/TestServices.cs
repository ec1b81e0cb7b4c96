using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Slack.Tests;

/// <summary>The Slack adapter's services pointed at a fake, with short pacing and retries.</summary>
internal static class TestServices
{
    public static ServiceProvider Create(FakeSlackServer fake, string? token = null) => Create(Settings(fake, token));

    public static ServiceProvider Create(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotSlack(configuration);
        return services.BuildServiceProvider();
    }

    public static Dictionary<string, string?> Settings(FakeSlackServer fake, string? token = null) => new()
    {
        ["Bot:Slack:ApiBaseUrl"] = fake.ApiBaseUrl,
        ["Bot:Slack:BotToken"] = token ?? fake.Options.BotToken,
        ["Bot:Slack:SigningSecret"] = "test-signing-secret",
        ["Bot:Slack:PostInterval"] = "00:00:00.060",
        ["Bot:Slack:RetryBaseDelay"] = "00:00:00.020",
        ["Bot:Slack:RequestTimeout"] = "00:00:03",
        ["Bot:Slack:MaxAttempts"] = "3",
        ["Bot:Slack:HistoryInterval"] = "00:00:00",
    };
}
