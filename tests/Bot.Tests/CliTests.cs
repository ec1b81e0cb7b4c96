using Bot.Cli;

namespace Bot.Tests;

public sealed class CliTests
{
    [Fact]
    public async Task Run_ReturnsUsageError_ForUnknownVerb()
    {
        var code = await BotCli.RunAsync(["no-such-verb", "--nope"]);
        Assert.Equal(2, code);
    }
}
