using Bot.Digests.Model;
using Bot.Posting;
using Bot.Posting.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Posting.Tests;

/// <summary>Issue 12, corrections: a posted digest changes and is ingested again.</summary>
public sealed class PostCorrectorTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task ADigestChangedAfterPosting_AndReIngested_EditsEachAffectedMessageOnce_TouchesNoOther_AndPostsNothingAgain()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers", "tools"));
        var sub = await h.SubscribeAsync("weekly");
        await h.Planner.FireAsync(sub.Id, Monday);
        await h.RunUntilAsync(Monday.AddHours(1));
        var rows = await h.Store.GetDigestRowsAsync(sub.Id, "d1");
        var corrector = Corrector(h);

        h.Catalog.Add(WithTitle(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers", "tools"), "papers", "papers item 1 (typo fixed)"));
        var first = await corrector.CorrectAsync();
        var second = await corrector.CorrectAsync();

        var papers = rows.Single(r => r.SectionKey == "papers");
        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.Equal([(papers.LedgerKey, papers.MessageId!, "papers item 1 (typo fixed)")], h.Poster.Edits);
        Assert.Equal(3, h.Poster.Deliveries.Values.Sum());
        Assert.NotNull((await h.Store.GetRowAsync(papers.Id))!.EditedAt);
        Assert.All(rows.Where(r => r.SectionKey != "papers"), r => Assert.Null(h.Store.GetRowAsync(r.Id).Result!.EditedAt));
    }

    [Fact]
    public async Task ACorrection_OutsideTheWindow_IsNotApplied()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news"));
        var sub = await h.SubscribeAsync("weekly");
        await h.Planner.FireAsync(sub.Id, Monday);
        await h.RunUntilAsync(Monday.AddHours(1));
        h.Time.Advance(TimeSpan.FromDays(8));

        h.Catalog.Add(WithTitle(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news"), "news", "news item 1 (late fix)"));

        Assert.Equal(0, await Corrector(h).CorrectAsync());
        Assert.Empty(h.Poster.Edits);
    }

    [Fact]
    public async Task Delete_RemovesADigestsPosts_AndTheyAreNeverPostedAgain()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers"));
        var sub = await h.SubscribeAsync("weekly");
        await h.Planner.FireAsync(sub.Id, Monday);
        await h.RunUntilAsync(Monday.AddHours(1));
        var sent = (await h.Store.GetDigestRowsAsync(sub.Id, "d1")).Select(r => r.MessageId!).ToList();

        var (deleted, error) = await Corrector(h).DeleteAsync(sub, "d1");
        var replanned = await h.Planner.PlanAsync(sub, "d1", Monday.AddDays(1), TimeSpan.Zero);
        foreach (var row in replanned)
        {
            await h.Sender.SendAsync(row.Id);
        }

        Assert.Null(error);
        Assert.Equal(2, deleted);
        Assert.Equal(sent.Order(StringComparer.Ordinal), h.Poster.Deleted.Order(StringComparer.Ordinal));
        Assert.Equal(2, h.Poster.Deliveries.Values.Sum());
    }

    private static PostCorrector Corrector(SchedulingHarness h)
        => new(h.Store, h.Catalog, new PosterRegistry([h.Poster]), h.Time, new StaticOptionsMonitor<PostingOptions>(h.Options), NullLogger<PostCorrector>.Instance);

    private static Digest WithTitle(Digest digest, string sectionKey, string title)
        => digest with
        {
            Sections = digest.Sections.Select(s => s.Key != sectionKey ? s : s with { Entries = [s.Entries[0] with { Title = title }, .. s.Entries.Skip(1)] }).ToList(),
        };
}
