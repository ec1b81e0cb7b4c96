using Bot.Digests.Parsing;
using Bot.TestSupport;

using Markdig;
using Markdig.Extensions.Yaml;

namespace Bot.Digests.Tests;

/// <summary>The front matter fast path must read exactly what YamlDotNet reads, or decline.</summary>
public sealed class SimpleFrontMatterTests
{
    public static TheoryData<string> TrickyYaml() => new()
    {
        "title: plain\ndate: 2024-07-10 00:00:00 +/-TTTT\ntags: [a, b c, d-e]",
        "title: \"quoted # not a comment\"\ncategories: [AI Trend]",
        "title: a # comment",
        "title: 'single'",
        "title: \"esc\\\"aped\"",
        "title: a: b",
        "title:\n  nested: x",
        "tags:\n  - a\n  - b",
        "title: x\ntitle: y",
        "Title: x\ntitle: y",
        "title: [a, , b]",
        "title: [a, \"b\"]",
        "title: []",
        "title: \"\"",
        "time: 12:30\nurl: https://example.com/a?b=c",
        "title: - dash",
        "title: &anchor x",
        "title: ...",
        "# only a comment",
        "title: x\n...\n",
        "title:\tx",
        "title: C# and F#",
        "title: 2026년 1월 AI 기술 트렌드, 정리",
        "title: x   \ndescription: \"y\"   ",
        "key with space: x",
        "title: [a, b] trailing",
        "title: a\u2028b: c",
        "title: x\n\ndate: 2024-01-02\n",
        "tags:\n  - a\n  - b c\n  - \"q\"\ntitle: x",
        "tags:\n- a\n- b\ntitle: x",
        "tags:\n  - a\n    - b",
        "tags:\n  - a\n   - b",
        "tags:\n  - a\n    continued",
        "tags:\n  - a # comment",
        "tags:\n  - a: b",
        "tags:\n  -\n  - b",
        "tags:\n  - [a, b]",
        "tags:\n  - a\n\n  - b",
        "tags:\n  - a\n  key: x",
        "image:\n  path: a.jpg\n  alt: \"x\"\ntitle: y",
        "image:\n  path: a.jpg\n    deeper: x",
        "image:\n  path:\n    deeper: x",
        "image:\n  path: a.jpg\nimage: b",
        "title: a\nimage:\n  path: a.jpg\ntitle: b",
        "title:\n\ndate: 2024-01-02",
        "title:",
        "tags:\n  - ~\n  - null\n  - 12",
    };

    [Theory]
    [MemberData(nameof(TrickyYaml))]
    public void TryRead_MatchesYamlDotNet_OnTrickyFrontMatter(string yaml) => AssertSameAsYamlDotNet(yaml);

    [Fact]
    public void TryRead_MatchesYamlDotNet_OnEverySpecSampleAndGeneratedDigest()
    {
        var texts = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Specs"), "*.md")
            .Concat(RepoPaths.Root is null ? [] : Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "digests"), "*.md"))
            .Select(File.ReadAllText)
            .Concat(new DigestGenerator(seed: 2026).GenerateMany(20, entriesPerDigest: 5).Select(d => d.Markdown));
        var compared = texts.Count(AssertSameAsYamlDotNetForDocument);

        Assert.True(compared > 20, $"only {compared} documents had front matter");
    }

    [SharedCorpusFact]
    public void TryRead_MatchesYamlDotNet_OnEverySharedDigest()
    {
        var files = Directory.GetFiles(RepoPaths.Shared!, "*.md", SearchOption.AllDirectories);
        var compared = files.Select(File.ReadAllText).Count(AssertSameAsYamlDotNetForDocument);

        Assert.True(compared > 0);
    }

    [Fact]
    public void TryRead_TakesTheFastPath_ForBlockListsAndNestedMappings()
    {
        Assert.True(SimpleFrontMatter.TryRead("title: \"A\"\ntags:\n  - GPT-4o\n  - 실시간 처리\nimage:\n  path: a.jpg\ndate: 2024-05-13", 2, out var fast));

        Assert.Equal(["GPT-4o", "실시간 처리"], fast.GetList("tags"));
        Assert.Equal(8, fast.Scalars["date"].Line);
        Assert.False(fast.Scalars.ContainsKey("image"));
    }

    [Fact]
    public void TryRead_TakesTheFastPath_ForGeneratedFrontMatter()
    {
        var (_, markdown) = new DigestGenerator(seed: 2026).GenerateMany(1, entriesPerDigest: 5).Single();

        Assert.True(SimpleFrontMatter.TryRead(YamlOf(markdown)!, 2, out var fast));
        Assert.Equal(["ai-trend", "generated"], fast.GetList("tags"));
        Assert.Equal(3, fast.Scalars["date"].Line);
    }

    private static bool AssertSameAsYamlDotNetForDocument(string markdown)
    {
        var yaml = YamlOf(markdown);
        if (yaml is null)
        {
            return false;
        }

        AssertSameAsYamlDotNet(yaml);
        return true;
    }

    private static string? YamlOf(string markdown) =>
        Markdown.Parse(markdown.TrimStart('\uFEFF'), DigestPipeline.Instance).OfType<YamlFrontMatterBlock>().FirstOrDefault()?.Lines.ToString();

    private static void AssertSameAsYamlDotNet(string yaml)
    {
        if (!SimpleFrontMatter.TryRead(yaml, 2, out var fast))
        {
            return;
        }

        var warnings = new List<ParseWarning>();
        var full = FrontMatterReader.ReadWithYamlDotNet(yaml, 2, warnings);
        Assert.Empty(warnings);
        Assert.Equal(full.Scalars.OrderBy(p => p.Key, StringComparer.Ordinal), fast.Scalars.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(full.Lists.Keys.Order(StringComparer.Ordinal), fast.Lists.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, list) in full.Lists)
        {
            Assert.Equal(list, fast.Lists[key]);
        }
    }
}
