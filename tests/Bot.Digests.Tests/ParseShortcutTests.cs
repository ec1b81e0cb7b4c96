using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using Bot.Digests.Parsing;
using Bot.Digests.References;
using Bot.TestSupport;

using Markdig;
using Markdig.Syntax;

namespace Bot.Digests.Tests;

/// <summary>
/// The parser's shortcuts for ordinary input (canonical links, ids, dates, the hostile-shape check, link lists) must give
/// exactly what the general code gives: each is compared with that code, or with the code it replaced, on every fixture,
/// sample, shared digest (read from <c>../shared</c> at test time) and generated digest, and on hand-picked edge cases.
/// </summary>
public sealed partial class ParseShortcutTests
{
    [Fact]
    public void CanonicalLinkShortcut_GivesWhatTheGeneralPathGives_ForEveryLinkInTheCorpus()
    {
        var urls = Corpus().SelectMany(t => UrlLike().Matches(t).Select(m => m.Value)).Concat(EdgeUrls).Distinct(StringComparer.Ordinal).ToList();

        var taken = 0;
        foreach (var url in urls)
        {
            if (ReferenceUrls.TryAnalyzeCanonical(url) is { } fast)
            {
                Assert.Equal(ReferenceUrls.AnalyzeTrimmed(url), fast);
                taken++;
            }
        }

        Assert.True(taken > urls.Count / 2, $"the shortcut took {taken} of {urls.Count} links");
        Assert.Same("https://x.test/a?b=1", ReferenceUrls.TryAnalyzeCanonical("https://x.test/a?b=1")!.CanonicalUrl);
    }

    [Theory]
    [InlineData("https://www.x.test/a/", "https://x.test/a")]
    [InlineData("https://www.www.x.test/", "https://x.test")]
    [InlineData("https://x.test/a?", "https://x.test/a")]
    [InlineData("https://m.youtube.com/watch?v=abcdefghijk", null)]
    [InlineData("https://X.test/a", null)]
    [InlineData("https://x.test/a#frag", null)]
    [InlineData("https://x.test/a?utm_source=feed", null)]
    [InlineData("https://huggingface.co/papers/2401.00001", null)]
    [InlineData("https://example.com/doi/10.1000/xyz", null)]
    [InlineData("http://x.test/a", null)]
    public void CanonicalLinkShortcut_FoldsOrDeclines(string url, string? canonical)
    {
        var fast = ReferenceUrls.TryAnalyzeCanonical(url);

        Assert.Equal(canonical, fast?.CanonicalUrl);
        Assert.Equal(ReferenceUrls.AnalyzeTrimmed(url).CanonicalUrl, ReferenceUrls.Analyze(url).CanonicalUrl);
    }

    [Fact]
    public void DigestIdHash_IsTheHashOfTheNormalisedTitle_ForEveryHeadingInTheCorpus()
    {
        var titles = Corpus().SelectMany(t => t.Split('\n')).Where(l => l.StartsWith('#') || l.StartsWith("title:", StringComparison.Ordinal))
            .Concat(EdgeTitles).Distinct(StringComparer.Ordinal).ToList();

        foreach (var title in titles)
        {
            var expected = uint.Parse(StableIds.Hash(StableIds.Normalise(title)).AsSpan(0, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            Assert.True(expected == StableIds.ShortHash(title), title);
        }
    }

    [Theory]
    [InlineData(null, "2024-05-10", "A title")]
    [InlineData(null, null, "A title")]
    [InlineData("notes.md", "1999-01-02", "")]
    [InlineData(null, "2024-05-10", "한국어 제목만")]
    [InlineData(null, "2024-05-10", "abcdefghijklmnopqrstuvwxyz01234 5 more words after the cut")]
    [InlineData(null, "2024-05-10", "abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData(null, "0001-01-01", "Ünïcödé  Title\twith   spaces 🤖")]
    [InlineData("2024-05-10-dated.md", "2024-05-10", "Ignored")]
    public void DigestId_IsWhatTheInterpolatedFormGave(string? fileName, string? date, string title)
    {
        var day = date is null ? (DateOnly?)null : DateOnly.Parse(date, CultureInfo.InvariantCulture);

        Assert.Equal(ParsingReference.OldDigestId(fileName, day, title), StableIds.ForDigest(fileName, day, title));
    }

    [Theory]
    [InlineData("2024-05-10")]
    [InlineData("2024-5-1")]
    [InlineData("2024/05/10 00:00:00 +0900")]
    [InlineData("2024.12.31T10:00")]
    [InlineData("2024-05-101")]
    [InlineData("2024-02-30")]
    [InlineData("1899-12-31")]
    [InlineData("20245-05-10")]
    [InlineData(" 2024-05-10")]
    [InlineData("'2024-05-10'")]
    [InlineData("2024-05-1\u0660")]
    [InlineData("2024-05")]
    [InlineData("May 10, 2024")]
    public void DateShortcut_ReadsWhatThePatternReads(string text)
    {
        var expected = ParsingReference.OldLeadingDate(text);
        if (DateReader.TryReadPlainDate(text, out var fast))
        {
            Assert.True(expected.Matched, text);
            Assert.Equal(expected.Date, fast);
        }

        if (expected.Matched)
        {
            Assert.Equal(expected.Date, DateReader.Read(text));
        }
    }

    [Fact]
    public void ADateWithAnotherScriptsDigit_IsNotRead_AndDoesNotThrow()
    {
        var digest = new DigestParser().Parse("---\ntitle: T\ndate: 2024-05-1\u0660\n---\n\n# T\n", "notes.md");

        Assert.Null(digest.Date);
        Assert.Contains(digest.Warnings, w => w.Code == ParseWarningCodes.DateInvalid);
    }

    [Fact]
    public void FileNameDatesAndSlugs_AreWhatThePatternFinds_ForEveryFileName()
    {
        var names = CorpusFiles().Select(f => Path.GetFileName(f)).Concat(["2024-05-10-a.md", "2024-05-10.md", "2024-5-10-a.md", "daily-20240510.md", "2024-13-01-x.md", "2024-05-10-"]);
        foreach (var name in names)
        {
            var match = ParsingReference.OldFileNameDate().Match(name);
            var stem = Path.GetFileNameWithoutExtension(name);
            var slug = match.Success ? stem[match.Length..] : stem;

            Assert.Equal(ParsingReference.SafeDate(match), DateReader.FromFileName(name));
            Assert.Equal(slug.Length > 0 ? slug : stem, DateReader.SlugOf(name));
        }
    }

    [Fact]
    public void HostileShapeCheck_LeavesOrdinaryDigestsAlone_AndAgreesWithTheLineSplit_OnDepth()
    {
        var limits = DigestLimits.Default;
        foreach (var text in Corpus())
        {
            var lines = text.Split('\n');
            Assert.Equal(lines.Max(ParsingReference.OldNesting), HostileShapes.DeepestNesting(text));
            var context = new ParseContext();
            var result = HostileShapes.Defuse(text, limits, context);
            if (!HostileShapes.MayHaveBracketParagraph(text, limits.MaxBracketsPerParagraph) && lines.Max(ParsingReference.OldNesting) <= limits.MaxNestingDepth)
            {
                Assert.Same(text, result);
                Assert.Empty(context.Warnings);
            }
        }
    }

    [Fact]
    public void BodyFootnoteDefinitionCheck_IsWhatTheOldScanFinds_OnTheCorpusAndRandomText()
    {
        foreach (var text in Corpus())
        {
            Assert.Equal(ParsingReference.OldDefinesFootnotes(text), TrailingDefinitions.DefinesFootnotes(text));
        }

        string[] pieces = ["[^", "[^a]", "]", ":", "]:", "[", "^", "\n", " ", "  ", "\t", "a", "x y", "[^a]:", "- ", "> "];
        var random = new Random(2026);
        var defines = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(1, 16); i > 0; i--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            var expected = ParsingReference.OldDefinesFootnotes(text.ToString());
            Assert.True(expected == TrailingDefinitions.DefinesFootnotes(text.ToString()), text.ToString());
            defines += expected ? 1 : 0;
        }

        Assert.InRange(defines, 1_000, 19_000);
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(60)]
    [InlineData(10)]
    [InlineData(0)]
    public void BracketBound_IsWhatTheOldCountGives(int maxBrackets)
    {
        var texts = Corpus().Concat(["[a](", "]]]]((((", "[](", "](](](", string.Concat(Enumerable.Repeat("[a](", 30)), string.Concat(Enumerable.Repeat("]", 90))]);
        foreach (var text in texts)
        {
            Assert.Equal(ParsingReference.OldMayHaveBracketParagraph(text, maxBrackets), HostileShapes.MayHaveBracketParagraph(text, maxBrackets));
        }
    }

    [Fact]
    public void HostileShapeCheck_StillDegradesAParagraphOfUnclosedLinks()
    {
        var text = "# T\n\nok [a](https://x.test)\n\n" + string.Concat(Enumerable.Repeat("[a](", 30)) + "\n";
        var context = new ParseContext();

        var result = HostileShapes.Defuse(text, DigestLimits.Default with { MaxBracketsPerParagraph = 10 }, context);

        Assert.Contains("\\[a](\\[a](", result, StringComparison.Ordinal);
        Assert.StartsWith("# T\n\nok [a]", result, StringComparison.Ordinal);
        Assert.Single(context.Warnings, w => w.Code == ParseWarningCodes.MarkdownDegraded);
    }

    [Fact]
    public void LinkList_IsWhatTheFullWalkNotes_OnEveryBlockOfTheCorpus()
    {
        var withLinks = 0;
        foreach (var block in Corpus().SelectMany(t => Markdown.Parse(t, DigestPipeline.Instance).Descendants<LeafBlock>()))
        {
            var scan = new InlineScan();
            InlineText.Of(block, scan);
            var expected = scan.HasLinks ? scan.Links : [];
            Assert.Equal(expected, InlineText.LinksOf(block));
            withLinks += expected.Count > 0 ? 1 : 0;
        }

        Assert.True(withLinks > 20);
    }

    [Fact]
    public void EntryReferences_AreDeduplicatedByCanonicalUrl_BelowAndAboveTheSetThreshold()
    {
        var entry = new EntryDraft("t", 1, new SectionDraft("S", "s", 1));
        var urls = Enumerable.Range(0, 40).Select(i => $"https://x.test/{i % 13}").ToList();
        for (var i = 0; i < urls.Count; i++)
        {
            entry.AddReference(ParseContext.CreateReference($"r{i}", "t", urls[i]), i + 1);
        }

        Assert.Equal(urls.Distinct().ToList(), entry.References.Select(r => r.Url).ToList());
        Assert.Equal(Enumerable.Range(1, 13).ToList(), entry.ReferenceLines);
    }

    private static readonly string[] EdgeUrls =
    [
        "https://www.x.test/a/", "https://www.www.x.test/", "https://www./a", "https:///a", "https://x.test", "https://x.test/", "https://x.test//",
        "https://x.test?a=1", "https://x.test/a?", "https://x.test/a/?b=2", "https://x.test/a.pdf", "https://x.test/a.PDF", "https://github.com/a/b/",
        "https://m.youtube.com/watch?v=abcdefghijk", "https://music.youtube.com/watch?v=abcdefghijk", "https://youtu.be/abcdefghijk",
        "https://arxiv.org/abs/2401.00001v2", "https://doi.org/10.1000/xyz", "https://nature.com/articles/s1", "https://x.test/DOI/10.1000/xyz",
        "https://huggingface.co/papers/2401.00001", "https://huggingface.co/org/model", "https://x.test/a?ref=x&b=1", "https://x.test/a?%75tm=1",
        "https://x.test:8080/a", "https://user@x.test/a", "https://x.test/a%20b", "https://x.test/./a", "https://x.test/a b", "https://m.x.test/a",
        "https://vimeo.com/1", "https://www.youtube-nocookie.com/embed/abcdefghijk", "https://openreview.net/forum?id=1", "https://X.TEST/A",
    ];

    private static readonly string[] EdgeTitles =
    [
        "", "   ", "A  B\tC\n", "İstanbul ıı", "STRASSE ẞ", "ΣΊΣΥΦΟΣ", "e\u0301cole", "\u1100\u1161 jamo", "𐐀 Deseret", "🤖 AI", "\u00A0nbsp\u3000wide", "한국어 제목",
    ];

    private static IEnumerable<string> CorpusFiles()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Specs"), "*.md").Concat(Directory.GetFiles(RepoPaths.SampleDigests, "*.md"));
        return RepoPaths.Shared is null ? files : files.Concat(Directory.GetFiles(RepoPaths.Shared, "*.md", SearchOption.AllDirectories));
    }

    private static IEnumerable<string> Corpus() =>
        CorpusFiles().Select(File.ReadAllText).Concat(new DigestGenerator(seed: 11).GenerateMany(20, entriesPerDigest: 20).Select(d => d.Markdown));

    [GeneratedRegex(@"https?://[^\s)\]>""'`]+")]
    private static partial Regex UrlLike();
}
