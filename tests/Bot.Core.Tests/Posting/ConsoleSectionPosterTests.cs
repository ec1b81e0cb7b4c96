using Bot.Core.Posting;
using Bot.Core.Replies;


namespace Bot.Core.Tests.Posting;

public sealed class ConsoleSectionPosterTests
{
    private static readonly PostTarget Console = new("console", "console", "");
    private static readonly SectionHighlight Papers = new(
        "2026-11-29-weekly", "AI Weekly", new DateOnly(2026, 11, 29), "https://example.blog/posts/weekly/", "papers", "Papers",
        [new HighlightItem("e1", "Scaling laws revisited", "A short summary.", "https://arxiv.org/abs/2401.00001")], 3);

    [Fact]
    public async Task PostAsync_PrintsTheSectionOnce_PerLedgerKey()
    {
        using var output = new StringWriter();
        var poster = new ConsoleSectionPoster(output);
        var post = new SectionPost("s1:2026-11-29-weekly:papers", Papers);

        var first = await poster.PostAsync(Console, post);
        var again = await poster.PostAsync(Console, post);
        var found = await poster.FindPostedAsync(Console, post);

        var text = output.ToString();
        Assert.Equal(1, text.Split('\n').Count(l => l.StartsWith("[console post · 2026-11-29-weekly · papers]", StringComparison.Ordinal)));
        Assert.Contains("Scaling laws revisited", text, StringComparison.Ordinal);
        Assert.Contains("https://arxiv.org/abs/2401.00001", text, StringComparison.Ordinal);
        Assert.Contains("+3 more", text, StringComparison.Ordinal);
        Assert.Equal(first, again);
        Assert.Equal(first, found);
    }

    [Fact]
    public async Task FindPostedAsync_ReturnsNull_ForAPostNeverPrinted()
    {
        var poster = new ConsoleSectionPoster(TextWriter.Null);

        Assert.Null(await poster.FindPostedAsync(Console, new SectionPost("s1:d:news", Papers)));
    }
}
