using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

using Bot.Digests.Model;
using Bot.Digests.Parsing;
using Bot.TestSupport;

using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Digests.Tests;

/// <summary>
/// <see cref="FootnoteCitations"/> resolves the citations of a trailing footnote list itself instead of through Markdig's
/// label table. It stands in for Markdig reading the whole text: every body block must get the same inlines (types,
/// footnote labels, URLs, text and positions) as Markdig gives with the list in place, and every digest the same result
/// as the ordinary path, on tricky brackets, the fixtures, samples, shared and generated digests.
/// </summary>
public sealed class FootnoteCitationsTests
{
    private static readonly DigestParser Fast = new(readTrailingDefinitions: true);
    private static readonly DigestParser Ordinary = new(readTrailingDefinitions: false);

    private const string Head = "---\ntitle: Weekly\ndate: 2026-01-05\n---\n\n## News\n\n### Story [^a]\n\n";

    private const string Tail = "\n\n## References\n\n[^a]: [Alpha](https://x.test/a)\n[^b]: [Beta](https://x.test/b)\n[^c]: [Gamma](https://x.test/c)\n"
        + "[^ref-1]: [One](https://x.test/1)\n[^ref_2]: [Two](https://x.test/2)\n[^x.y]: [XY](https://x.test/xy)\n[^A]: [Upper](https://x.test/upper)\n[^e]:\n";

    [Theory]
    [InlineData("- Plain [^a] and [^b], then [^c].")]
    [InlineData("- Case [^A], [^REF-1], [^Ref_2] and [^X.Y].")]
    [InlineData("- Undefined [^zz], [^a b], [^], [^-] and [^a.b].")]
    [InlineData("- Adjacent [^a][^b], collapsed [^a][] and full [^a][b].")]
    [InlineData("- Full reference [text][^a] and [text][^zz] and [text][].")]
    [InlineData("- Collapsed then a citation [foo][][^b] and [^zz][][^c] and ![img][][^a].")]
    [InlineData("- A link [^a](https://x.test/y) and not a link [^b](not a link.")]
    [InlineData("- Inside [a link [^a]](https://x.test/l) and [outer [^b]] text.")]
    [InlineData("- Images ![^a] and ![alt [^b]](i.png) and ![fig](i.png) and ![x][^c].")]
    [InlineData("- Emphasis *[^a]* and _[^b]_ and **x [^c] y** and *a [^a*].")]
    [InlineData("- Escapes \\[^a] and [^a\\]] and [\\^a] and [^a\\_b].")]
    [InlineData("- Fullwidth [^ａ] and [＾a] and combining [^a\u0301] and [^\u200Ba].")]
    [InlineData("- Korean [참고](https://x.test/k) then [^a] and [^참고].")]
    [InlineData("- Code `[^a]` and <https://x.test/[^a]> and <b title=\"[^a]\">html</b>.")]
    [InlineData("- Lines [^a\n  ] and [\n^b] and [^c]\n  (https://x.test/next-line).")]
    [InlineData("- Unclosed [^a and [[^b]] and [^c]]] and ]]] [[[.")]
    [InlineData("- Uses [foo] and [Foo][] of a body definition [^b].\n\n[foo]: https://x.test/foo")]
    [InlineData("- [^q]: https://x.test/q\n- A list item defined [^q], this one cites it and [^a].", true)]
    [InlineData("- [^a]: https://x.test/body\n- A list item defined [^a], this one cites it and [^b].", true)]
    [InlineData("- A non-ASCII body definition [＾b] cited as [^b].\n\n[＾b]: https://x.test/fullwidth", true)]
    [InlineData("> Quoted [^a] and [^b](https://x.test/q).\n\n1. Ordered [^c]\n   - nested [^ref-1]")]
    [InlineData("| h [^a] |\n|---|\n| c [^b] |")]
    [InlineData("Setext heading [^a]\n---\n\nParagraph [^e] cites an empty definition.")]
    public void Citations_ReadAsMarkdigReadsThemWithTheListInPlace(string body, bool fallsBack = false)
    {
        // A body that defines a label which might name a footnote is left to the ordinary path (which lets the body's
        // definition win, as Markdig reading the whole text does).
        var markdown = Head + body + Tail;
        Assert.NotNull(TrailingDefinitions.Find(markdown));

        Assert.Equal(!fallsBack, AssertSameBlocks(markdown));
        AssertSameDigest(markdown, "tricky.md");
    }

    [Fact]
    public void Citations_OfAPlainDigest_LeaveMarkdigsLabelTableEmpty_AndTheListUnread()
    {
        var (_, markdown) = new DigestGenerator(seed: 11).GenerateMany(1, entriesPerDigest: 20).Single();
        var document = ParseBody(markdown, out _)!;

        // Every citation is a footnote link, yet no definition went into Markdig's (culture-aware) table, and Markdig
        // kept none of the list's lines (one block stands for them).
        Assert.Equal(20, document.Descendants<FootnoteLink>().Count());
        Assert.Empty(document.GetLinkReferenceDefinitions(false).Links);
        Assert.Empty(document.Descendants<Footnote>());
        Assert.IsType<TrailingListBlock>(document.LastChild);
        Assert.Empty(((LeafBlock)document.LastChild).Lines.Lines?.Take(((LeafBlock)document.LastChild).Lines.Count) ?? []);
    }

    [Fact]
    public void Citations_GiveTheOrdinaryResult_ForEveryFixtureSampleAndGeneratedDigest()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Specs"), "*.md").ToList();
        if (RepoPaths.Root is not null)
        {
            files.AddRange(Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "digests"), "*.md"));
        }

        var texts = files.Select(File.ReadAllText).Concat(new DigestGenerator(seed: 5).GenerateMany(40, entriesPerDigest: 12).Select(d => d.Markdown));
        var compared = 0;
        foreach (var markdown in texts.Where(t => TrailingDefinitions.Find(t) is not null))
        {
            compared += AssertSameBlocks(markdown) ? 1 : 0;
        }

        Assert.True(compared >= 40, $"{compared} texts took the shortcut");
    }

    [SharedCorpusFact]
    public void Citations_GiveTheOrdinaryResult_ForEverySharedDigest()
    {
        var texts = Directory.GetFiles(RepoPaths.Shared!, "*.md", SearchOption.AllDirectories).Select(File.ReadAllText)
            .Where(t => TrailingDefinitions.Find(t) is not null).ToList();

        Assert.NotEmpty(texts);
        foreach (var markdown in texts)
        {
            Assert.True(AssertSameBlocks(markdown));
        }
    }

    [Fact]
    public void MarkdigsLabelComparer_IsOrdinalIgnoringCase_OnFootnoteLabelCharacters()
    {
        // The citations are looked up ordinally ignoring case; Markdig's table compares with its own comparer. On the
        // characters a trailing label may have, the two must agree, character by character and with none ignored.
        var comparer = new LinkReferenceDefinitionGroup().Links.Comparer;
        const string labelChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
        foreach (var a in labelChars)
        {
            Assert.False(comparer.Equals("^x" + a + "y", "^xy"), $"'{a}' is ignored");
            foreach (var b in labelChars)
            {
                var same = char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
                Assert.True(same == comparer.Equals("^x" + a + "y", "^x" + b + "y"), $"'{a}' against '{b}'");
            }
        }

        // And ASCII text without '^' or '\' (which the citations leave to Markdig without registering anything) never
        // equals a footnote label.
        for (var c = '\0'; c < 128; c++)
        {
            if (c is '^' or '\\')
            {
                continue;
            }

            Assert.False(comparer.Equals(c.ToString(), "^"), $"U+{(int)c:X4}");
            Assert.False(comparer.Equals(c + "a", "^a"), $"U+{(int)c:X4}");
            Assert.False(FootnoteCitations.MayNameFootnote("label " + c));
        }

        Assert.True(FootnoteCitations.MayNameFootnote("^a"));
        Assert.True(FootnoteCitations.MayNameFootnote("참고"));
        Assert.True(FootnoteCitations.MayNameFootnote("a\\_b"));
    }

    [Fact]
    public void Citations_GiveTheOrdinaryResult_ForRandomBracketSoup()
    {
        // Random mixes of citations, brackets, links, escapes and emphasis around a fixed trailing list.
        string[] pieces =
        [
            "[^a]", "[^A]", "[^b]", "[^ref-1]", "[^ref_2]", "[^X.Y]", "[^zz]", "[^c]", "[", "]", "![", "!", "](https://x.test/p)", "(", ")", "[]", "][",
            "[^", "^", "\\", "*", "**", "_", "`", "<", ">", "&amp;", " ", " text ", "\n", "\n\n", "\n- ", "\n> ", "참고", "ａ", "＾", "[foo]",
            "\n[foo]: https://x.test/foo\n", "\n[^zz]: https://x.test/zz\n",
        ];
        var random = new Random(2026);
        var compared = 0;
        for (var round = 0; round < 1000; round++)
        {
            var body = new StringBuilder("- ");
            for (var i = random.Next(3, 25); i > 0; i--)
            {
                body.Append(pieces[random.Next(pieces.Length)]);
            }

            var markdown = Head + body.ToString().TrimEnd('\n', '\\', ' ') + Tail;
            if (TrailingDefinitions.Find(markdown) is null)
            {
                continue;
            }

            compared += AssertSameBlocks(markdown) ? 1 : 0;
            AssertSameDigest(markdown, string.Create(CultureInfo.InvariantCulture, $"soup-{round}.md"));
        }

        Assert.InRange(compared, 600, 1000);
    }

    // Markdig on the body with the citations resolved by FootnoteCitations, as DigestParser calls it; null when
    // DigestParser would not use it (and parse the whole text the ordinary way).
    private static MarkdownDocument? ParseBody(string markdown, out TrailingDefinitions trailing)
    {
        trailing = TrailingDefinitions.Find(markdown)!;
        return DigestParser.ParseBody(markdown, trailing);
    }

    // Every block of the body (up to the heading of the list) has the same inlines as when Markdig reads the whole text;
    // false when DigestParser would not use the body (the heading is not its last block, or it defines a label that
    // might name a footnote) and parses the whole text instead.
    private static bool AssertSameBlocks(string markdown)
    {
        var body = ParseBody(markdown, out var trailing);
        var whole = Markdown.Parse(markdown, DigestPipeline.Instance);
        if (body is null)
        {
            return false;
        }

        var expected = Describe(whole, trailing.HeadingLine);
        var actual = Describe(body, trailing.HeadingLine);
        Assert.True(expected == actual, $"{markdown}\n---- expected\n{expected}\n---- actual\n{actual}");
        return true;
    }

    private static string Describe(MarkdownDocument document, int lastLine)
    {
        var text = new StringBuilder();
        // The footnotes Markdig read from the list are not part of the body (nor the paragraphs it adds to them).
        foreach (var block in document.Descendants().OfType<LeafBlock>().Where(b => b.Line <= lastLine && b is not YamlFrontMatterBlock and not LinkReferenceDefinition and not TrailingListBlock && b.Parent is not Footnote))
        {
            text.Append(CultureInfo.InvariantCulture, $"{block.GetType().Name} {block.Line} {block.Span}:");
            if (block.Inline is { } inline)
            {
                Describe(inline, text);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static void Describe(Inline inline, StringBuilder text)
    {
        text.Append(CultureInfo.InvariantCulture, $" {inline.GetType().Name}@{inline.Span}/{inline.Line}:{inline.Column}");
        switch (inline)
        {
            case FootnoteLink footnote:
                text.Append('(').Append(footnote.Footnote?.Label).Append(footnote.IsBackLink ? " back" : string.Empty).Append(')');
                break;
            case LinkInline link:
                text.Append('(').Append(link.Url).Append(' ').Append(link.IsImage).Append(' ').Append(link.Label).Append(')');
                break;
            case LiteralInline literal:
                text.Append("(\"").Append(literal.Content.ToString()).Append("\")");
                break;
            case CodeInline code:
                text.Append("(`").Append(code.Content).Append("`)");
                break;
        }

        if (inline is ContainerInline container)
        {
            text.Append(" {");
            foreach (var child in container)
            {
                Describe(child, text);
            }

            text.Append(" }");
        }
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
