using Bot.Core.Posting;


namespace Bot.Core.Tests.Posting;

// Issue 11, "Core knows no platform": the target forms are what the adapters register, so a third platform adds its scheme
// in its own project. These platforms exist only here.
public sealed class TargetGrammarTests
{
    private static readonly TargetGrammar Grammar = new([new Scheme("alpha", "channel", "webhook"), new Scheme("beta", "channel")]);

    [Fact]
    public void Forms_AreConsole_ThenEachRegisteredKind_InRegistrationOrder()
        => Assert.Equal(["console", "alpha:channel:<id>", "alpha:webhook:<url>", "beta:channel:<id>"], Grammar.Forms);

    [Theory]
    [InlineData("console", "console", "console", "")]
    [InlineData("alpha:channel:C0123-x_y", "alpha", "channel", "C0123-x_y")]
    [InlineData("alpha:webhook:https://hooks.example.org/in/abc", "alpha", "webhook", "https://hooks.example.org/in/abc")]
    [InlineData("  beta:channel:42  ", "beta", "channel", "42")]
    public void TryParse_AcceptsConsoleAndEveryRegisteredKind(string text, string platform, string kind, string value)
    {
        Assert.True(Grammar.TryParse(text, out var target, out var error), error);

        Assert.Equal(new PostTarget(platform, kind, value), target);
    }

    [Theory]
    [InlineData("gamma:channel:1", "'gamma:channel:1' is not a target; use console, alpha:channel:<id>, alpha:webhook:<url> or beta:channel:<id>")]
    [InlineData("beta:webhook:https://hooks.example.org/x", "'beta:webhook:https://***' is not a target; use console, alpha:channel:<id>, alpha:webhook:<url> or beta:channel:<id>")]
    [InlineData("Alpha:channel:1", "'Alpha:channel:1' is not a target; use console, alpha:channel:<id>, alpha:webhook:<url> or beta:channel:<id>")]
    [InlineData("alpha:chanel:1", "'alpha:chanel:1' is not a target; use console, alpha:channel:<id>, alpha:webhook:<url> or beta:channel:<id>")]
    [InlineData("alpha:channel:1?loud=yes", "'alpha:channel:1': 'loud' is not a target option; use tags, crosspost, silent, username or avatar")]
    public void TryParse_RefusesWhatNoAdapterRegistered_NamingTheForms(string text, string expected)
    {
        Assert.False(Grammar.TryParse(text, out var target, out var error));

        Assert.Null(target);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_KeepsTheTargetOptions()
    {
        Assert.True(Grammar.TryParse("alpha:channel:7?silent=true", out var target, out var error), error);

        Assert.True(target!.Options.Silent);
        Assert.Equal("alpha:channel:7?silent=true", target.ToStorageString());
    }

    [Fact]
    public void WithoutSchemes_OnlyConsoleIsATarget()
    {
        var empty = new TargetGrammar([]);

        Assert.True(empty.IsEmpty);
        Assert.True(empty.TryParse("console", out _, out _));
        Assert.False(empty.TryParse("alpha:channel:1", out _, out var error));
        Assert.Equal("'alpha:channel:1' is not a target; use console", error);
    }

    [Fact]
    public void PostTargetTryParse_ReadsAStoredTargetOfAnyPlatform_ByItsShape()
    {
        Assert.True(PostTarget.TryParse("gamma:channel:1", out var stored, out _));
        Assert.Equal("gamma", stored!.Platform);

        Assert.False(PostTarget.TryParse("gamma:room:1", out _, out var error));
        Assert.Equal("'gamma:room:1' is not a target; use console, <platform>:channel:<id> or <platform>:webhook:<url>", error);
    }

    [Fact]
    public void WorkspaceWord_IsTheSchemes_OrWorkspace()
    {
        Assert.Equal("guild", Grammar.WorkspaceWord("alpha"));
        Assert.Equal("workspace", Grammar.WorkspaceWord("gamma"));
    }

    private sealed class Scheme(string platform, params string[] kinds) : ITargetScheme
    {
        public string Platform => platform;

        public IReadOnlyList<string> Kinds => kinds;

        public string WorkspaceWord => platform == "alpha" ? "guild" : "team";
    }
}
