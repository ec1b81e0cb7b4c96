using Bot.Discord.Gateway;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Tests.Gateway;

public sealed class DiscordModesTests
{
    private const string Key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("", "token", "", DiscordMode.Gateway)]
    [InlineData("", "token", Key, DiscordMode.Http)]
    [InlineData("", "", Key, DiscordMode.Http)]
    [InlineData("", "", "", DiscordMode.None)]
    [InlineData("Gateway", "token", Key, DiscordMode.Gateway)]
    [InlineData("http", "token", Key, DiscordMode.Http)]
    public void Resolve_DefaultFollowsWhatIsConfigured(string mode, string token, string key, DiscordMode expected)
        => Assert.Equal(expected, DiscordModes.Resolve(new DiscordOptions { Mode = mode, BotToken = token, PublicKey = key }));

    [Theory]
    [InlineData("Gateway", "", "", "Bot:Discord:Mode is Gateway, which needs Bot:Discord:BotToken")]
    [InlineData("Http", "token", "", "Bot:Discord:Mode is Http, which needs Bot:Discord:PublicKey")]
    [InlineData("Websocket", "token", "", "Bot:Discord:Mode 'Websocket' is not a mode")]
    public void Validate_NamesTheMissingOrContradictorySetting(string mode, string token, string key, string message)
    {
        var result = new DiscordModeValidator().Validate(null, new DiscordOptions { Mode = mode, BotToken = token, PublicKey = key });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RefusesABadShardSet()
    {
        var result = new DiscordModeValidator().Validate(null, new DiscordOptions { BotToken = "t", Shards = "5/4" });

        Assert.True(result.Failed);
        Assert.Contains("Bot:Discord:Shards '5/4'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AcceptsTheDefaults() => Assert.Equal(ValidateOptionsResult.Success, new DiscordModeValidator().Validate(null, new DiscordOptions()));
}
