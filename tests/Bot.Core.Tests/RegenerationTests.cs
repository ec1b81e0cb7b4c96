using Bot.TestSupport;
using Xunit.Sdk;

namespace Bot.Core.Tests;

public sealed class RegenerationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bot-regen-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Regenerating_WritesTheFile_AndFailsTheTest()
    {
        var path = Path.Combine(_dir, "x.json");
        var env = Env(("BOT_UPDATE_GOLDEN", "1"));

        var failure = Assert.Throws<FailException>(() => Regeneration.WriteAndFailIfRequested("BOT_UPDATE_GOLDEN", path, "{}", env));

        Assert.Equal("{}", File.ReadAllText(path));
        Assert.Contains("run the tests again without BOT_UPDATE_GOLDEN", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regenerating_UnderCi_RefusesWithoutWriting()
    {
        var path = Path.Combine(_dir, "x.json");
        var env = Env(("BOT_UPDATE_SPECS", "1"), ("CI", "true"));

        var failure = Assert.Throws<FailException>(() => Regeneration.WriteAndFailIfRequested("BOT_UPDATE_SPECS", path, "{}", env));

        Assert.False(File.Exists(path));
        Assert.Contains("CI=true", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheVariable_NothingIsWritten_AndTheCallerCompares()
    {
        var path = Path.Combine(_dir, "x.json");

        Regeneration.WriteAndFailIfRequested("BOT_UPDATE_GOLDEN", path, "{}", Env());

        Assert.False(File.Exists(path));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] values)
        => name => values.FirstOrDefault(v => v.Name == name).Value;
}
