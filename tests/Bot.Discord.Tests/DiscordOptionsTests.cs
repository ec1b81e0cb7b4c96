using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Tests;

public sealed class DiscordOptionsTests
{
    [Theory]
    [InlineData("Bot:Discord:PublicKey", "not-a-key", "Bot:Discord:PublicKey must be")]
    [InlineData("Bot:Discord:ApplicationId", "my-bot", "Bot:Discord:ApplicationId must be")]
    [InlineData("Bot:Discord:ApiBaseUrl", "discord.com/api", "Bot:Discord:ApiBaseUrl must be")]
    [InlineData("Bot:Discord:InlineReplyTimeout", "00:00:05", "Bot:Discord:InlineReplyTimeout must be")]
    public async Task BadSetting_FailsWithAMessageNamingIt(string key, string value, string expected)
    {
        await using var harness = await DiscordClientHarness.StartAsync(settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Services.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptySettings_AreValid_SoAHostWithoutDiscordStarts()
    {
        var empty = new Dictionary<string, string?> { ["Bot:Discord:PublicKey"] = string.Empty, ["Bot:Discord:ApplicationId"] = string.Empty, ["Bot:Discord:BotToken"] = string.Empty };
        await using var harness = await DiscordClientHarness.StartAsync(settings: empty);

        var options = harness.Services.GetRequiredService<IOptions<DiscordOptions>>().Value;

        Assert.Equal(string.Empty, options.PublicKey);
    }
}
