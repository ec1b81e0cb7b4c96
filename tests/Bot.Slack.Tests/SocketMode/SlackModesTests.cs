using Bot.Slack.SocketMode;
using Microsoft.Extensions.Options;

namespace Bot.Slack.Tests.SocketMode;

public sealed class SlackModesTests
{
    [Theory]
    [InlineData("", "xapp-1-a", "", SlackMode.Socket)]
    [InlineData("", "xapp-1-a", "secret", SlackMode.Socket)]
    [InlineData("", "", "secret", SlackMode.Http)]
    [InlineData("", "", "", SlackMode.None)]
    [InlineData("http", "xapp-1-a", "secret", SlackMode.Http)]
    public void Resolve_DefaultFollowsWhatIsConfigured(string mode, string appToken, string secret, SlackMode expected)
        => Assert.Equal(expected, SlackModes.Resolve(new SlackOptions { Mode = mode, AppToken = appToken, SigningSecret = secret }));

    [Theory]
    [InlineData("Socket", "", "", "Bot:Slack:Mode is Socket, which needs Bot:Slack:AppToken")]
    [InlineData("Http", "", "", "Bot:Slack:Mode is Http, which needs Bot:Slack:SigningSecret")]
    [InlineData("", "xoxb-123", "", "Bot:Slack:AppToken must be an app-level token (it starts with xapp-)")]
    [InlineData("Events", "", "", "Bot:Slack:Mode 'Events' is not a mode")]
    public void Validate_NamesTheMissingOrContradictorySetting(string mode, string appToken, string secret, string message)
    {
        var result = new SlackModeValidator().Validate(null, new SlackOptions { Mode = mode, AppToken = appToken, SigningSecret = secret });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AcceptsTheDefaults() => Assert.Equal(ValidateOptionsResult.Success, new SlackModeValidator().Validate(null, new SlackOptions()));
}
