using Bot.Digests.Model;

namespace Bot.Digests.Tests;

/// <summary>The real third-party digests in <c>../shared</c> (read, never copied into the repository).</summary>
public sealed class ConformanceTests
{
    private static readonly DigestParser Parser = new();

    [SharedCorpusFact]
    public void Parse_Seed000_HasExpectedSectionsReferencesAndEmptyDefinitionWarning()
    {
        var digest = ParseSeed("000_");

        AssertSectionCounts(digest, ("news", 15), ("papers", 14), ("deep-learning-llm", 8), ("mlops-data", 7));
        Assert.Equal(44, digest.Entries.Sum(e => e.References.Count));
        Assert.All(digest.Entries, e => Assert.Single(e.References));
        Assert.Contains(digest.Warnings, w => w.Code == ParseWarningCodes.DefinitionEmpty && w.Message.Contains("ref-pr-1", StringComparison.Ordinal) && w.Line > 0);
    }

    [SharedCorpusFact]
    public void Parse_Seed001_HasExpectedSections()
    {
        AssertSectionCounts(ParseSeed("001_"), ("issues", 10), ("papers", 10), ("deep-learning-llm", 4), ("mlops-data", 4));
    }

    [SharedCorpusFact]
    public void Parse_Seed002_HasExpectedSectionsAndWarnsAboutInstaFlowTwice()
    {
        var digest = ParseSeed("002_");

        AssertSectionCounts(digest, ("news", 17), ("papers", 19), ("deep-learning-gen-ai", 5), ("mlops", 15));
        var duplicate = Assert.Single(digest.Warnings, w => w.Code == ParseWarningCodes.ReferenceDuplicate);
        Assert.Contains("InstaFlow", duplicate.Message, StringComparison.Ordinal);
        Assert.True(duplicate.Line > 0);
    }

    [SharedCorpusFact]
    public void Parse_Seed003_IsABriefingWithTwelveReferencedEntriesAndTwoUnlinkedTopics()
    {
        var digest = ParseSeed("003_");

        // Issue 14: topics without a link are entries too (was 12 entries, all referenced; the two unlinked topics were dropped).
        Assert.Equal(DigestFormat.Briefing, digest.Format);
        Assert.Equal(14, digest.Entries.Count());
        Assert.Equal(12, digest.Entries.Count(e => e.References.Count > 0));
        Assert.False(string.IsNullOrEmpty(digest.Summary));
    }

    [SharedCorpusFact]
    public void Parse_Jeonsworld20240509_KeepsEveryTopic()
    {
        var path = Path.Combine(RepoPaths.Shared!, "wild", "jeonsworld", "daily-20240509.md");
        var digest = Parser.Parse(File.ReadAllText(path), Path.GetFileName(path));

        // 3 preview topics + 10 overview topics, none linked, and the linked lead story (was 1 entry: the lead story only).
        Assert.Equal(14, digest.Entries.Count());
        Assert.Single(digest.Entries, e => e.References.Count > 0);
        Assert.Contains(digest.Entries, e => e.Title == "AlphaFold 3 출시");
    }

    [SharedCorpusFact]
    public void Parse_CurseOfRecursion_HasTheSameCanonicalUrlInSeeds001And002()
    {
        static Reference Find(Digest digest) => digest.Entries.SelectMany(e => e.References).First(r => r.ArxivId == "2305.17493");

        var first = Find(ParseSeed("001_"));
        var second = Find(ParseSeed("002_"));

        Assert.NotEqual(first.Url, second.Url);
        Assert.Equal("https://arxiv.org/abs/2305.17493", first.CanonicalUrl);
        Assert.Equal(first.CanonicalUrl, second.CanonicalUrl);
    }

    [SharedCorpusFact]
    public void Parse_StandingOEmptyDrafts_GiveZeroEntriesAndWarnings()
    {
        var drafts = Directory.GetFiles(Path.Combine(RepoPaths.Shared!, "wild", "standing-o"), "*.md")
            .Where(f => new FileInfo(f).Length < 2048)
            .ToArray();

        Assert.Equal(2, drafts.Length);
        Assert.All(drafts, path =>
        {
            var digest = Parser.Parse(File.ReadAllText(path), Path.GetFileName(path));
            Assert.Empty(digest.Entries);
            Assert.NotEmpty(digest.Warnings);
        });
    }

    [SharedCorpusFact]
    public void Parse_EveryJeonsworldBriefing_YieldsEntriesWithReferences()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Shared!, "wild", "jeonsworld"), "*.md");

        Assert.NotEmpty(files);
        Assert.All(files, path =>
        {
            var digest = Parser.Parse(File.ReadAllText(path), Path.GetFileName(path));
            Assert.True(digest.Entries.Any(e => e.References.Count > 0), $"{Path.GetFileName(path)} yielded no entry with a reference.");
        });
    }

    [SharedCorpusFact]
    public void Parse_EverySharedFile_IsStableAcrossReparses()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Shared!, "seeds"), "*.md")
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Shared!, "wild"), "*.md", SearchOption.AllDirectories));

        Assert.All(files, path =>
        {
            var text = File.ReadAllText(path);
            var first = Parser.Parse(text, Path.GetFileName(path));
            var again = Parser.Parse(text, Path.Combine("elsewhere", "other-folder", Path.GetFileName(path)));
            Assert.Equal(first.Id, again.Id);
            Assert.Equal(first.Entries.Select(e => e.Id), again.Entries.Select(e => e.Id));
            Assert.Equal(first.Entries.Count(), first.Entries.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
        });
    }

    private static Digest ParseSeed(string prefix)
    {
        var path = Directory.GetFiles(Path.Combine(RepoPaths.Shared!, "seeds"), prefix + "*.md").Single();
        return Parser.Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    private static void AssertSectionCounts(Digest digest, params (string Key, int Count)[] expected)
    {
        Assert.Equal(expected, digest.Sections.Select(s => (s.Key, s.Entries.Count)).ToArray());
    }
}
