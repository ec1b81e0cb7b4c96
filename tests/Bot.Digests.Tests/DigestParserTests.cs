using System.Text;

using Bot.Digests.Model;
using Bot.TestSupport;

namespace Bot.Digests.Tests;

public sealed class DigestParserTests
{
    private static readonly DigestParser Parser = new();

    [Fact]
    public void Parse_ReportsEmptyContent_WhenTextIsEmpty()
    {
        var digest = Parser.Parse(string.Empty, "2026-01-01-empty.md");

        Assert.Empty(digest.Sections);
        Assert.Equal("2026-01-01-empty", digest.Id);
        Assert.Contains(digest.Warnings, w => w.Code == ParseWarningCodes.ContentEmpty);
    }

    [Fact]
    public void Parse_ReportsBinaryContent_WhenTextHasNulCharacters()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;

        var digest = Parser.Parse(Encoding.Latin1.GetString(bytes), "blob.md");

        Assert.Empty(digest.Sections);
        Assert.Contains(digest.Warnings, w => w.Code == ParseWarningCodes.ContentBinary);
    }

    [Fact]
    public void Parse_FlattensAndWarns_WhenListsAreNested800Deep()
    {
        var text = new StringBuilder("---\ntitle: Deep\ndate: 2026-01-01\n---\n\n## News\n### Deep entry [^a]\n");
        for (var i = 0; i < 800; i++)
        {
            text.Append(' ', i * 2).Append("- level ").Append(i).Append('\n');
        }

        text.Append("\n## References\n[^a]: [A](https://example.com/a)\n");

        var digest = Parser.Parse(text.ToString(), "deep.md");

        Assert.Contains(digest.Warnings, w => w.Code == ParseWarningCodes.NestingTooDeep);
        var entry = Assert.Single(digest.Entries);
        Assert.Equal("Deep entry", entry.Title);
        Assert.Equal("level 0", entry.Bullets[0].Text);
        Assert.Equal(800, entry.Bullets.Count);
    }

    [Fact]
    public void Parse_KeepsFrontMatter_WhenQuotesAreNestedAbsurdlyDeep()
    {
        var text = "---\ntitle: Quotes\ndate: 2026-01-01\n---\n\n" + new string('>', 5000) + " deep\n" + new string('[', 20000) + "x\n";

        var digest = Parser.Parse(text, "quotes.md");

        Assert.Equal("Quotes", digest.Title);
        Assert.Equal(new DateOnly(2026, 1, 1), digest.Date);
    }

    [Fact]
    public void Parse_ReadsEveryEntry_WhenDigestIsTenMegabytes()
    {
        var generator = new DigestGenerator(seed: 11);
        var one = generator.Generate(0, entriesPerDigest: 50);
        var builder = new StringBuilder();
        var body = one[(one.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];
        builder.Append(one);
        while (builder.Length < 10 * 1024 * 1024)
        {
            builder.Append(body.Replace("[^", "[^x", StringComparison.Ordinal));
        }

        // Over the default 4 MiB cap (issue 13): an operator who raises Bot:Digests:MaxSourceBytes gets the whole file read.
        var digest = new DigestParser(DigestLimits.ForSourceBytes(16 * 1024 * 1024)).Parse(builder.ToString(), "2026-01-01-huge.md");

        Assert.Equal("2026-01-01-huge", digest.Id);
        Assert.True(digest.Entries.Count() > 1000);
    }

    [Fact]
    public void Parse_TakesIdFromFileName_WhenTitleAndEntriesChange()
    {
        var before = Parser.Parse("---\ntitle: Old\ndate: 2026-03-01\n---\n## News\n### A [^a]\n\n[^a]: [A](https://example.com/a)\n", "2026-03-01-weekly.md");
        var after = Parser.Parse("---\ntitle: New title\ndate: 2026-03-02\n---\n## News\n### B [^b]\n### A [^a]\n\n[^a]: [A](https://example.com/a)\n[^b]: [B](https://example.com/b)\n", "2026-03-01-weekly.md");

        Assert.Equal("2026-03-01-weekly", before.Id);
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.Entries.Single().Id, after.Entries.Single(e => e.Title == "A").Id);
        Assert.Equal("weekly", after.Slug);
    }

    [Fact]
    public void Parse_IgnoresFolder_WhenFileNameHasOne()
    {
        const string text = "---\ntitle: T\ndate: 2026-03-01\n---\n## News\n### A [^a]\n\n[^a]: [A](https://example.com/a)\n";

        var here = Parser.Parse(text, "notes.md");
        var there = Parser.Parse(text, Path.Combine("some", "folder", "notes.md"));

        Assert.Equal(here.Id, there.Id);
        Assert.StartsWith("2026-03-01-", here.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeduplicatesEntryIds_WhenTwoEntriesShareATitle()
    {
        var digest = Parser.Parse("---\ntitle: T\ndate: 2026-03-01\n---\n## News\n### Same [^a]\n### Same [^b]\n\n[^a]: [A](https://example.com/a)\n[^b]: [B](https://example.com/b)\n", "2026-03-01-dups.md");

        var ids = digest.Entries.Select(e => e.Id).ToArray();
        Assert.Equal(2, ids.Length);
        Assert.Equal(ids[0] + "-2", ids[1]);
    }

    [Fact]
    public void Parse_ReadsPermalinkSlugAndSummary_FromTheSampleDigest()
    {
        var path = Path.Combine(RepoPaths.Root!, "samples", "digests", "2026-10-05-ai-trend-2026-09.md");

        var digest = Parser.Parse(File.ReadAllText(path), Path.GetFileName(path));

        Assert.Equal("2026-10-05-ai-trend-2026-09", digest.Id);
        Assert.Equal("ai-trend-2026-09", digest.Slug);
        Assert.Equal("/posts/ai-trend-2026-09/", digest.Permalink);
        Assert.Equal(new DateOnly(2026, 10, 5), digest.Date);
        Assert.Equal(digest.Description, digest.Summary);
        Assert.Empty(digest.Warnings);
    }

    [Fact]
    public void Parse_SharesCanonicalArxivUrl_AcrossTheTwoSampleMonthlies()
    {
        var folder = Path.Combine(RepoPaths.Root!, "samples", "digests");
        var august = Parser.Parse(File.ReadAllText(Path.Combine(folder, "2026-09-07-ai-trend-2026-08.md")), "2026-09-07-ai-trend-2026-08.md");
        var september = Parser.Parse(File.ReadAllText(Path.Combine(folder, "2026-10-05-ai-trend-2026-09.md")), "2026-10-05-ai-trend-2026-09.md");

        var a = august.Entries.SelectMany(e => e.References).Single(r => r.ArxivId == "2409.01234");
        var b = september.Entries.SelectMany(e => e.References).Single(r => r.ArxivId == "2409.01234");

        Assert.Equal("https://arxiv.org/pdf/2409.01234v2.pdf", a.Url);
        Assert.Equal("https://arxiv.org/abs/2409.01234", b.Url);
        Assert.Equal(a.CanonicalUrl, b.CanonicalUrl);
        Assert.Empty(august.Warnings);
    }

    [Fact]
    public void Parse_ReadsTheSampleBriefing_WithSummaryFromIntroAndViewpoint()
    {
        var path = Path.Combine(RepoPaths.Root!, "samples", "digests", "2026-10-14-daily-briefing.md");

        var digest = Parser.Parse(File.ReadAllText(path), Path.GetFileName(path));

        Assert.Equal(DigestFormat.Briefing, digest.Format);
        Assert.Contains("소형 모델", digest.Tags);
        Assert.Contains("배터리와 발열", digest.Summary, StringComparison.Ordinal);
        Assert.Contains(digest.Entries, e => e.Title == "Lumen-3B 공개" && e.References.Any(r => r.Kind == ReferenceKind.Code));
    }

    [Fact]
    public void Parse_ReadsFrontMatterAndEntries_WhenFileHasBomAndCrlf()
    {
        const string text = "\uFEFF---\r\ntitle: Windows file\r\ndate: 2026-04-01\r\n---\r\n\r\n## News\r\n### Entry [^a]\r\n- bullet\r\n\r\n## References\r\n[^a]: [A](https://example.com/a)\r\n";

        var digest = Parser.Parse(text, "windows.md");

        Assert.Equal("Windows file", digest.Title);
        Assert.Equal(new DateOnly(2026, 4, 1), digest.Date);
        var entry = Assert.Single(digest.Entries);
        Assert.Equal("bullet", entry.Bullets.Single().Text);
        Assert.Equal("https://example.com/a", entry.PrimaryReference!.Url);
        Assert.Empty(digest.Warnings);
    }

    [Fact]
    public void Parse_KeepsKeysBeforeTheError_WhenFrontMatterIsInvalidYaml()
    {
        const string text = "---\ntitle: Broken\ndate: 2026-04-02\ntags: [a, b\n---\n## News\n### E [^a]\n\n[^a]: [A](https://example.com/a)\n";

        var digest = Parser.Parse(text, "broken.md");

        Assert.Equal("Broken", digest.Title);
        Assert.Equal(new DateOnly(2026, 4, 2), digest.Date);
        Assert.Contains(digest.Warnings, w => w.Code == ParseWarningCodes.FrontMatterInvalid && w.Line > 0);
        Assert.Single(digest.Entries);
    }
}
