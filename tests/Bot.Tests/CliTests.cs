using Bot.Cli;

namespace Bot.Tests;

[Collection(nameof(ConsoleCollection))]
public sealed class CliTests
{
    [Fact]
    public async Task Run_ReturnsUsageError_ForUnknownVerb()
    {
        var code = await BotCli.RunAsync(["no-such-verb", "--nope"]);
        Assert.Equal(2, code);
    }

    [Fact]
    public void HostSettings_AreKeyValueTokensThatNoVerbDefines()
    {
        var root = BotCli.Build([]);

        var settings = BotCli.HostSettings(root, ["search", "a", "a", "--limit=5", "--data=/tmp/x", "--urls=http://127.0.0.1:9", "--environment=Development", "--json", "--", "--after=x"]);

        Assert.Equal(["--urls=http://127.0.0.1:9", "--environment=Development"], settings);
    }

    [Fact]
    public async Task Run_RejectsHostSettings_ForVerbsOtherThanServe()
    {
        var (code, _, error) = await CliRunner.RunAsync("search", "q", "--urls=http://127.0.0.1:9");

        Assert.Equal(2, code);
        Assert.Contains("'--urls=http://127.0.0.1:9' is a host setting", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsNoCatchAllArguments()
    {
        var (code, output, _) = await CliRunner.RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("additional arguments", output, StringComparison.OrdinalIgnoreCase);
    }
}
