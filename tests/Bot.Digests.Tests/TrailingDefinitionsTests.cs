using System.Text;
using System.Text.Json.Nodes;

using Bot.Digests.Model;
using Bot.Digests.Parsing;
using Bot.TestSupport;

namespace Bot.Digests.Tests;

/// <summary>
/// Reading a plain trailing footnote list without Markdig is only a shortcut: every digest must parse to exactly
/// what the ordinary path gives, including warnings and their messages, and anything unusual must fall back.
/// </summary>
public sealed class TrailingDefinitionsTests
{
    private static readonly DigestParser Fast = new(readTrailingDefinitions: true);
    private static readonly DigestParser Ordinary = new(readTrailingDefinitions: false);

    private const string Body = """
        ---
        title: Weekly
        date: 2026-01-05
        ---

        ## News

        ### First story [^a]
        - A bullet with a [link](https://example.com/inline).

        ### Second story [^b] [^A]
        - Mixed case[^c]citation inside text.

        ### Third story [^missing]
        - Cites nothing that exists.

        ## References

        """;

    [Fact]
    public void Find_ReadsLabelsLinesTitlesAndUrls_OfAPlainList()
    {
        var markdown = Body + "[^a]: [Alpha  paper](https://arxiv.org/pdf/2305.17493v2.pdf)\n\n[^b]: [](https://x.test/b)\n[^c]:\t[Gamma](https://x.test/c?utm_source=x&b=1)   \n[^d]: \n\n";

        var trailing = TrailingDefinitions.Find(markdown);

        Assert.NotNull(trailing);
        Assert.Equal(markdown.IndexOf("[^a]:", StringComparison.Ordinal), trailing.BodyLength);
        Assert.Equal(markdown.Split('\n').ToList().IndexOf("## References"), trailing.HeadingLine);
        Assert.Equal(["a", "b", "c", "d"], trailing.Definitions.Select(d => d.Label));
        Assert.Null(trailing.Definitions[3].Url);
        Assert.Equal(Body.Split('\n').Length, trailing.Definitions[0].Line);
        Assert.Equal("Alpha  paper", trailing.Definitions[0].Title);
        Assert.Equal("https://x.test/c?utm_source=x&b=1", trailing.Definitions[2].Url);
    }

    [Theory]
    [InlineData("[^a]: [Title *emphasis*](https://x.test/a)")]
    [InlineData("[^a]: [Title `code`](https://x.test/a)")]
    [InlineData("[^a]: [Title &amp; more](https://x.test/a)")]
    [InlineData("[^a]: [Title \\* escaped](https://x.test/a)")]
    [InlineData("[^a]: [{: .attr}](https://x.test/a)")]
    [InlineData("[^a]: [Title <b>html</b>](https://x.test/a)")]
    [InlineData("[^a]: [Title](https://x.test/a_(b)")]
    [InlineData("[^a]: [Title](https://x.test/a)b)")]
    [InlineData("[^a]: [Title](https://x.test/a?x=1&amp;y=2)")]
    [InlineData("[^a]: [Title](<https://x.test/a b>)")]
    [InlineData("[^a]: [Title](https://x.test/a \"tooltip\")")]
    [InlineData("[^a]: [Title](https://x.test/a) and more text")]
    [InlineData("[^a]: [Title]()")]
    [InlineData("[^a]:[Title](https://x.test/a)")]
    [InlineData("   [^a]: [Title](https://x.test/a)")]
    [InlineData("[^a b]: [Title](https://x.test/a)")]
    [InlineData("[^참고]: [Title](https://x.test/a)")]
    [InlineData("[^a]: [Title](https://x.test/a)\ncontinued on a lazy line")]
    [InlineData("[^a]: [Title](https://x.test/a)\r\n")]
    [InlineData("[^a]: Author, \"Title\", https://x.test/a")]
    public void Find_DeclinesAnythingButThePlainForm(string tail)
    {
        Assert.Null(TrailingDefinitions.Find(Body + tail + "\n"));
        AssertSameDigest(Body + tail + "\n", "decline.md");
    }

    [Theory]
    [InlineData("No heading before the list:\n\n[^a]: [A](https://x.test/a)\n")]
    [InlineData("[^z]: [Z](https://x.test/z)\n\n## References\n\n[^a]: [A](https://x.test/a)\n", true)]
    [InlineData("```\nunclosed fence\n## References\n\n[^a]: [A](https://x.test/a)\n")]
    [InlineData("<!-- unclosed comment\n## References\n\n[^a]: [A](https://x.test/a)\n")]
    [InlineData("[^a]: [A](https://x.test/a)\n")]
    public void Parse_FallsBackWhenTheBodyWouldReadTheListDifferently(string text, bool bodyDefinesFootnotes = false)
    {
        var markdown = "---\ntitle: T\ndate: 2026-01-05\n---\n\n## News\n\n### Story [^a]\n- b\n\n" + text;

        if (bodyDefinesFootnotes)
        {
            Assert.Null(TrailingDefinitions.Find(markdown));
        }

        AssertSameDigest(markdown, "fallback.md");
    }

    [Fact]
    public void Find_StaysLinear_WhenTheBodyIsOneHugeLineOfFootnoteMarkers()
    {
        // A check that went back to the line start for every marker would be quadratic here and never finish.
        var markdown = "## News\n\n### Story [^a]\n\n" + string.Concat(Enumerable.Repeat("x[^y]]:[^", 400_000)) + "\n\n## References\n\n[^a]: [A](https://x.test/a)\n";

        var trailing = TrailingDefinitions.Find(markdown);

        Assert.NotNull(trailing);
        Assert.Equal("a", Assert.Single(trailing.Definitions).Label);
    }

    [Fact]
    public void Find_Declines_WhenAnIndentedBodyLineDefinesAFootnote()
    {
        Assert.Null(TrailingDefinitions.Find("## News\n\n### S [^a]\n\n   [^z]: [Z](https://x.test/z)\n\n## References\n\n[^a]: [A](https://x.test/a)\n"));
        Assert.NotNull(TrailingDefinitions.Find("## News\n\n### S [^a]\n\n- item [^z]: not a definition\n\n## References\n\n[^a]: [A](https://x.test/a)\n"));
    }

    [Fact]
    public void Parse_GivesTheOrdinaryResult_ForEveryFixtureAndSample()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Specs"), "*.md").ToList();
        if (RepoPaths.Root is not null)
        {
            files.AddRange(Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "digests"), "*.md"));
        }

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            AssertSameDigest(File.ReadAllText(file), Path.GetFileName(file));
        }
    }

    [SharedCorpusFact]
    public void Parse_GivesTheOrdinaryResult_ForEverySharedDigest()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Shared!, "seeds"), "*.md")
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Shared!, "wild"), "*.md", SearchOption.AllDirectories))
            .ToList();

        foreach (var file in files)
        {
            AssertSameDigest(File.ReadAllText(file), Path.GetFileName(file));
        }

        // The shortcut must actually apply to real digests, or this test compares the ordinary path with itself.
        Assert.Contains(files, f => TrailingDefinitions.Find(File.ReadAllText(f)) is not null);
    }

    [Fact]
    public void Parse_GivesTheOrdinaryResult_ForGeneratedDigests()
    {
        var digests = new DigestGenerator(seed: 7).GenerateMany(60, entriesPerDigest: 20).ToList();

        foreach (var (fileName, markdown) in digests)
        {
            Assert.NotNull(TrailingDefinitions.Find(markdown));
            AssertSameDigest(markdown, fileName);
        }
    }

    [Fact]
    public void Parse_GivesTheOrdinaryResult_ForRandomTrailingLists()
    {
        // The first entries of each list are plain (the shortcut applies); the rest must make it fall back.
        string[] labels = ["a", "A", "b", "c", "ref-1", "ref_2", "x.y", "missing", "참고", "a b", ""];
        string[] titles = ["Alpha", "  spaced  out  ", "", "Title — dash", "Tab\there", "NBSP\u00A0here", "caf\u0065\u0301", "TADA! (Wow)!", "*bold*", "`code`", "a & b", "[nested]", "back\\slash", "{: .x}"];
        string[] urls = ["https://arxiv.org/abs/2305.17493", "https://x.test/a?utm_source=n&id=2", "https://doi.org/10.1000/XYZ", "ftp://x.test/f", "https://x.test/a;b", "https://www.YouTube.com/watch?v=abc_DEF-123", "https://x.test/p_(q)", "https://x.test/p_((q)", "https://x.test/a?x=1&amp;y=2", "", "<https://x.test/s p>"];
        string[] gaps = [" ", "\t", "  ", string.Empty];
        string[] empties = [string.Empty, " ", "\t "];
        string[] separators = ["\n", "\n\n", "\n  \n", "\n\t\n"];
        var random = new Random(2026);
        string Pick(string[] values, int plain, bool tricky) => values[random.Next(tricky && random.Next(4) == 0 ? values.Length : plain)];
        var taken = 0;
        for (var round = 0; round < 400; round++)
        {
            var tricky = random.Next(2) == 0;
            var text = new StringBuilder(Body);
            var count = random.Next(1, 8);
            for (var i = 0; i < count; i++)
            {
                if (random.Next(8) == 0)
                {
                    text.Append("[^").Append(Pick(labels, 8, tricky)).Append("]:").Append(empties[random.Next(empties.Length)]).Append(separators[random.Next(separators.Length)]);
                    continue;
                }

                text.Append("[^").Append(Pick(labels, 8, tricky)).Append("]:").Append(Pick(gaps, 3, tricky))
                    .Append('[').Append(Pick(titles, 8, tricky)).Append("](").Append(Pick(urls, 7, tricky)).Append(')')
                    .Append(random.Next(6) == 0 ? "  " : string.Empty)
                    .Append(separators[random.Next(separators.Length)]);
            }

            var markdown = text.ToString();
            taken += TrailingDefinitions.Find(markdown) is null ? 0 : 1;
            AssertSameDigest(markdown, $"random-{round}.md");
        }

        Assert.InRange(taken, 150, 350);
    }

    private static void AssertSameDigest(string markdown, string fileName)
    {
        var expected = Describe(Ordinary.Parse(markdown, fileName));
        var actual = Describe(Fast.Parse(markdown, fileName));

        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Equal(expected.ToJsonString(SpecJson.Indented), actual.ToJsonString(SpecJson.Indented));
        }
    }

    private static JsonObject Describe(Digest digest)
    {
        var json = SpecJson.From(digest);
        json["messages"] = new JsonArray(digest.Warnings.Select(w => (JsonNode?)w.Message).ToArray());
        return json;
    }
}
