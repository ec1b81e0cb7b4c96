using Bot.Tests.Support;

namespace Bot.Tests;

/// <summary><c>--data</c> that cannot be a data directory is one line naming <c>--data</c>.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class DataOptionTests
{
    [Fact]
    public async Task DataThatIsAFile_IsOneLineNamingData()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "README.md");
        await File.WriteAllTextAsync(file, "# not a folder");

        var (code, _, error) = await CliRunner.RunAsync("search", "x", "--data", file);

        Assert.Equal(2, code);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith($"error: --data: '{file}' is a file", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataThatCannotBeCreated_IsOneLineNamingData()
    {
        var (code, _, error) = await CliRunner.RunAsync("search", "x", "--data", "/proc/bot-test-x");

        Assert.Equal(2, code);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: --data: cannot create the directory '/proc/bot-test-x'", line, StringComparison.Ordinal);
    }
}
