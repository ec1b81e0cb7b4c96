namespace Bot.Slack.Tests;

public sealed class SlackOptionsValidatorTests
{
    [Fact]
    public void Validate_AcceptsTheDefaults()
    {
        Assert.True(new SlackOptionsValidator().Validate(null, new SlackOptions()).Succeeded);
    }

    [Theory]
    [InlineData("ApiBaseUrl", "Bot:Slack:ApiBaseUrl")]
    [InlineData("InlineReplyBudget", "Bot:Slack:InlineReplyBudget")]
    [InlineData("MaxAttempts", "Bot:Slack:MaxAttempts")]
    public void Validate_NamesTheSetting_WhenAValueCannotWork(string property, string setting)
    {
        var options = new SlackOptions();
        switch (property)
        {
            case "ApiBaseUrl":
                options.ApiBaseUrl = "slack.com/api";
                break;
            case "InlineReplyBudget":
                options.InlineReplyBudget = TimeSpan.FromSeconds(5);
                break;
            default:
                options.MaxAttempts = 0;
                break;
        }

        var result = new SlackOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }
}
