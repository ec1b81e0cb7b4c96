using Bot.Core.Posting;
using Bot.Core.Rendering;
using Bot.Core.Replies;

namespace Bot.Core.Tests;

public sealed class ConsoleRendererTests
{
    private readonly ConsoleRenderer _renderer = new();

    [Fact]
    public void RenderPost_ListsEntriesWithSummaryLinkAndMore()
    {
        var text = _renderer.RenderPost(new SectionPost("k", TestDigests.Highlight("papers", 2, more: 4)));

        var lines = text.Split('\n');
        Assert.Equal("📄 papers — AI Trends July (2024-07-10)", lines[0]);
        Assert.Equal("1. Entry 1", lines[2]);
        Assert.Equal("   Summary 1", lines[3]);
        Assert.Equal("   https://arxiv.org/abs/2401.00001", lines[4]);
        Assert.Contains($"+4 more at {TestDigests.Url}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ErrorStartsWithErrorAndShowsHint()
    {
        Assert.Equal("error: Nothing matched.\n   Try fewer words.\n", _renderer.Render(new ErrorReply("Nothing matched.", "Try fewer words.")));
    }

    [Fact]
    public void Render_KeepsEachEntryOnItsLines_WhenSummaryHasNewlines()
    {
        var text = _renderer.Render(TestDigests.Highlight("news", 1, summary: _ => "line one\nline two"));

        Assert.Contains("   line one line two\n", text, StringComparison.Ordinal);
    }
}
