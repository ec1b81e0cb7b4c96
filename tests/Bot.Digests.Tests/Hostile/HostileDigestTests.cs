using Bot.Digests.Model;
using Bot.TestSupport;

namespace Bot.Digests.Tests.Hostile;

// Issue 13, "Hostile digests": each row of the table, scaled down so the suite stays fast. The full sizes, with time and
// peak RSS, run in the `hostile` harness (docs/benchmarks.md). The guard below only catches a hang; it is not a speed test.
public sealed class HostileDigestTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public void Parse_KeepsOneEntry_AndCutsItsReferencesWithAWarning_ForThousandsOfFootnotes()
    {
        var digest = Parse(HostileDigests.Footnotes(20_000));

        var entry = Assert.Single(digest.Sections.SelectMany(s => s.Entries));
        Assert.Equal(DigestLimits.Default.MaxReferencesPerEntry, entry.References.Count);
        Assert.Contains(digest.Warnings, w => w.Code == ParseWarningCodes.ReferencesCut);
    }

    [Fact]
    public void Parse_WarnsAFewTimesAndCountsTheRest_ForThousandsOfUndefinedCitations()
    {
        var digest = Parse(HostileDigests.UndefinedCitations(20_000));

        Assert.True(digest.Warnings.Count(w => w.Code == ParseWarningCodes.FootnoteUndefined) <= DigestLimits.Default.MaxWarningsPerCode);
        Assert.Contains(digest.Warnings, w => w.Code == ParseWarningCodes.WarningsCut && w.Message.Contains("footnote-undefined", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CutsTheReferencesOfAnEntryWithThousandsOfUrls()
    {
        var digest = Parse(HostileDigests.UrlsInOneEntry(10_000));

        var entry = Assert.Single(digest.Sections.SelectMany(s => s.Entries));
        Assert.Equal(DigestLimits.Default.MaxReferencesPerEntry, entry.References.Count);
        Assert.Contains(digest.Warnings, w => w.Code == ParseWarningCodes.ReferencesCut);
    }

    [Fact]
    public void Parse_FlattensAListNestedThousandsDeep_WithAWarning()
    {
        var digest = Parse(HostileDigests.NestedList(2_000));

        Assert.Contains(digest.Warnings, w => w.Code == ParseWarningCodes.NestingTooDeep);
        Assert.Single(digest.Sections.SelectMany(s => s.Entries));
    }

    [Fact]
    public void Parse_ReadsUnclosedLinkOpenersAsPlainText_WithAWarning()
    {
        // Full size: 390 KB, on which Markdig alone took 62 s.
        var digest = Parse(HostileDigests.UnclosedLinks(100_000));

        Assert.Contains(digest.Warnings, w => w.Code == ParseWarningCodes.MarkdownDegraded);
        Assert.Single(digest.Sections.SelectMany(s => s.Entries));
    }

    [Fact]
    public void Parse_ReadsARealisticDigestOfAFewMegabytes_WithoutCuts()
    {
        var digest = Parse(HostileDigests.Realistic(2 * 1024 * 1024));

        Assert.True(digest.Sections.SelectMany(s => s.Entries).Count() > 1_000);
        Assert.DoesNotContain(digest.Warnings, w => w.Code is ParseWarningCodes.ReferencesCut or ParseWarningCodes.MarkdownDegraded or ParseWarningCodes.FileTooLarge);
    }

    [Fact]
    public void Parse_RefusesAFileOverTheSizeCap_WithAWarning()
    {
        var limits = new DigestLimits { MaxFileChars = 1024 * 1024 };

        var digest = Parse(HostileDigests.Realistic(2 * 1024 * 1024), new DigestParser(limits));

        Assert.Empty(digest.Sections);
        Assert.Contains(digest.Warnings, w => w.Code == ParseWarningCodes.FileTooLarge);
    }

    [Fact]
    public void Parse_LeavesAnOrdinaryParagraphWithLinksAlone()
    {
        var digest = new DigestParser().Parse("---\ntitle: t\ndate: 2026-11-30\n---\n\n## 📰 **News**\n\n### Entry\n\n- [a](https://example.org/a) and [b](https://example.org/b)\n");

        Assert.Equal(2, digest.Sections.Single().Entries.Single().References.Count);
        Assert.DoesNotContain(digest.Warnings, w => w.Code == ParseWarningCodes.MarkdownDegraded);
    }

    private static Digest Parse(string markdown, DigestParser? parser = null)
    {
        var run = Task.Run(() => (parser ?? new DigestParser()).Parse(markdown, "2026-11-30-hostile.md"));
        Assert.True(run.Wait(HangGuard), "the parse did not end");
        return run.Result;
    }
}
