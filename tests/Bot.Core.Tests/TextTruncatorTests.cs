using System.Globalization;
using Bot.Core.Text;

namespace Bot.Core.Tests;

public sealed class TextTruncatorTests
{
    [Fact]
    public void Truncate_ReturnsTextUnchanged_WhenItFits()
    {
        Assert.Equal("short text", TextTruncator.Truncate("short text", 10));
    }

    [Fact]
    public void Truncate_CutsAtWordBoundaryAndAddsEllipsis()
    {
        var result = TextTruncator.Truncate("The quick brown fox jumps over the lazy dog", 20);

        Assert.Equal("The quick brown fox…", result);
    }

    [Fact]
    public void Truncate_CutsBetweenHangulSyllables_WhenThereIsNoSpaceNear()
    {
        var text = string.Concat(Enumerable.Repeat("한국어문장", 20));

        var result = TextTruncator.Truncate(text, 11);

        Assert.Equal("한국어문장한국어문장…", result);
    }

    [Fact]
    public void Truncate_NeverSplitsDecomposedHangulSyllable()
    {
        // 각 as conjoining jamo: three code units, one syllable.
        var syllable = "\u1100\u1161\u11A8";
        var text = string.Concat(Enumerable.Repeat(syllable, 10));

        var result = TextTruncator.Truncate(text, 8);

        Assert.Equal(syllable + syllable + "…", result);
    }

    [Fact]
    public void Truncate_NeverSplitsZwjSequence()
    {
        var family = "👨‍👩‍👧‍👦";
        var text = string.Concat(Enumerable.Repeat(family, 5));

        var result = TextTruncator.Truncate(text, family.Length + 5);

        Assert.Equal(family + "…", result);
    }

    [Fact]
    public void Truncate_NeverLeavesLoneSurrogate()
    {
        var text = "a" + string.Concat(Enumerable.Repeat("😀", 10));

        var result = TextTruncator.Truncate(text, 5);

        Assert.Equal("a😀…", result);
    }

    [Fact]
    public void Truncate_NeverSplitsCombiningSequence()
    {
        var text = "e\u0301\u0302e\u0301\u0302e\u0301\u0302";

        var result = TextTruncator.Truncate(text, 6);

        Assert.Equal("e\u0301\u0302…", result);
    }

    [Fact]
    public void Truncate_DropsWholeDiscordLink_WhenTheCutWouldFallInside()
    {
        var text = "See [the paper on diffusion](https://arxiv.org/abs/2401.00001) for details";

        var result = TextTruncator.Truncate(text, 40);

        Assert.Equal("See…", result);
    }

    [Fact]
    public void Truncate_KeepsWholeSlackLink_WhenItFits()
    {
        var text = "<https://arxiv.org/abs/2401.00001|Paper> and then a long tail of words that must go";

        var result = TextTruncator.Truncate(text, 50);

        Assert.StartsWith("<https://arxiv.org/abs/2401.00001|Paper>", result);
        Assert.EndsWith("…", result);
        Assert.True(result.Length <= 50);
    }

    [Theory]
    [InlineData("@everyone 한국어와 English 혼합 👨‍👩‍👧‍👦 e\u0301 [x](https://a.example/b) <https://c.example|d>")]
    [InlineData("🇰🇷🇰🇷🇰🇷🇰🇷🇰🇷🇰🇷🇰🇷🇰🇷")]
    [InlineData("\u1100\u1161\u11A8\u1100\u1161\u11A8 word word word")]
    public void Truncate_YieldsPrefixOfWholeTextElements_AtEveryLength(string text)
    {
        var elements = Elements(text);
        for (var max = 0; max <= text.Length + 1; max++)
        {
            var result = TextTruncator.Truncate(text, max);

            Assert.True(result.Length <= max, $"length {result.Length} > {max}");
            var kept = result.EndsWith(TextTruncator.Ellipsis, StringComparison.Ordinal) && result != text ? result[..^1] : result;
            Assert.StartsWith(kept, text, StringComparison.Ordinal);
            var keptElements = Elements(kept);
            Assert.Equal(elements.Take(keptElements.Count), keptElements);
        }
    }

    [FsCheck.Xunit.Property(Arbitrary = [typeof(AdversarialGen)], MaxTest = 300)]
    public void Truncate_FitsAndKeepsWholeElementsAndLinks_ForAnyText(TruncationCase c)
    {
        var result = TextTruncator.Truncate(c.Text, c.Max);

        var kept = result == c.Text ? result : result.EndsWith(TextTruncator.Ellipsis, StringComparison.Ordinal) ? result[..^1] : result;
        var keptElements = Elements(kept);
        Assert.True(result.Length <= c.Max);
        Assert.StartsWith(kept, c.Text, StringComparison.Ordinal);
        Assert.Equal(Elements(c.Text).Take(keptElements.Count), keptElements);
        Assert.False(kept.LastIndexOf("[link](", StringComparison.Ordinal) > kept.LastIndexOf(')'), "cut inside a Markdown link");
        Assert.False(kept.LastIndexOf("<https", StringComparison.Ordinal) > kept.LastIndexOf('>'), "cut inside a Slack link");
    }

    private static List<string> Elements(string text)
    {
        var list = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            list.Add((string)e.Current);
        }

        return list;
    }
}
