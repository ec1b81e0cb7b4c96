using Bot.Digests.Parsing;
using Bot.TestSupport;

namespace Bot.Digests.Tests.Hostile;

// Issue 13: "1 M undefined citations (10 MB)" held a million warning objects until the parse ended (1,058 MB peak).
public sealed class WarningFloodTests
{
    [Fact]
    public void Warn_KeepsOnlyTheCapPerCode_ButCountsEveryOne()
    {
        var context = new ParseContext { MaxWarningsPerCode = 3 };

        for (var i = 0; i < 1_000; i++)
        {
            context.Warn(ParseWarningCodes.FootnoteUndefined, $"warning {i}", i);
        }

        context.Warn(ParseWarningCodes.DateMissing, "other code", 0);

        Assert.Equal(["warning 0", "warning 1", "warning 2", "other code"], context.Warnings.Select(w => w.Message));
        Assert.Equal(1_000, context.WarningCounts[ParseWarningCodes.FootnoteUndefined]);
    }

    [Fact]
    public void Parse_ReportsHowManyUndefinedCitationsWereLeftOut()
    {
        var digest = new DigestParser(DigestLimits.Default with { MaxWarningsPerCode = 10 }).Parse(HostileDigests.UndefinedCitations(5_000), "2026-11-30-flood.md");

        Assert.Equal(10, digest.Warnings.Count(w => w.Code == ParseWarningCodes.FootnoteUndefined));
        Assert.Contains(digest.Warnings, w => w.Code == ParseWarningCodes.WarningsCut && w.Message == "4990 more 'footnote-undefined' warnings were left out.");
    }
}
