using Bot.Core.Highlights;

namespace Bot.Core.Tests;

public sealed class HighlightBuilderTests
{
    [Fact]
    public void Create_TakesFirstEntriesInAuthorsOrder_AndCountsTheRest()
    {
        var digest = TestDigests.Digest(TestDigests.Section("papers", "Papers", 8));

        var highlight = HighlightBuilder.Create(digest, TestDigests.Url, "papers", 3)!;

        Assert.Equal(["Entry 1", "Entry 2", "Entry 3"], highlight.Items.Select(i => i.Title));
        Assert.Equal(5, highlight.MoreCount);
        Assert.Equal(TestDigests.Url, highlight.DigestUrl);
        Assert.Equal("https://arxiv.org/abs/e1", highlight.Items[0].Url);
        Assert.Equal("Summary of entry 1.", highlight.Items[0].Summary);
    }

    [Fact]
    public void Create_AppliesIncludeThenExcludeKeywords()
    {
        var digest = TestDigests.Digest(TestDigests.Section("news", "News", 6, i => i % 2 == 0 ? $"About LLM agents {i}" : $"About robots {i}"));

        var highlight = HighlightBuilder.Create(digest, null, "news", 10, include: ["llm"], exclude: ["agents 4"])!;

        Assert.Equal(["Entry 2", "Entry 6"], highlight.Items.Select(i => i.Title));
        Assert.Equal(0, highlight.MoreCount);
    }

    [Fact]
    public void Create_MatchesSectionByTitleOrKeyPrefix()
    {
        var digest = TestDigests.Digest(TestDigests.Section("deep-learning-llm", "💡 Deep Learning / LLM", 2));

        Assert.NotNull(HighlightBuilder.Create(digest, null, "deep-learning", 5));
        Assert.NotNull(HighlightBuilder.Create(digest, null, "Deep Learning / LLM", 5));
        Assert.Null(HighlightBuilder.Create(digest, null, "mlops", 5));
    }

    [Fact]
    public void Create_FallsBackToDigestUrl_WhenEntryHasNoReference()
    {
        var entry = new Bot.Digests.Model.Entry("x", "No refs", [], [], [], 1);
        var digest = TestDigests.Digest(new Bot.Digests.Model.Section("other", "Other", [entry]));

        var highlight = HighlightBuilder.Create(digest, TestDigests.Url, "other", 5)!;

        Assert.Equal(TestDigests.Url, highlight.Items[0].Url);
        Assert.Null(highlight.Items[0].Summary);
    }

    [Fact]
    public void Create_LinksTheCanonicalUrl_WithoutTrackingParameters()
    {
        var reference = new Bot.Digests.Model.Reference(
            "ref-n-1", "GPU market", "https://market.example.com/used-gpus?utm_source=briefing&utm_medium=email",
            "https://market.example.com/used-gpus", Bot.Digests.Model.ReferenceKind.Article, null, null);
        var entry = new Bot.Digests.Model.Entry("x", "Used GPUs", [new Bot.Digests.Model.Bullet("Prices fell.", 0)], [], [reference], 1);
        var digest = TestDigests.Digest(new Bot.Digests.Model.Section("news", "News", [entry]));

        var highlight = HighlightBuilder.Create(digest, TestDigests.Url, "news", 5)!;

        Assert.Equal("https://market.example.com/used-gpus", highlight.Items[0].Url);
    }
}
