namespace Bot.Digests.Tests;

public sealed class SectionKeysTests
{
    [Theory]
    [InlineData("News", "news")]
    [InlineData("Deep Learning, LLM", "deep-learning-llm")]
    [InlineData("MLOps & Data", "mlops-data")]
    [InlineData("  --Gen AI!! ", "gen-ai")]
    [InlineData("최신 인공지능 기술 동향", "최신-인공지능-기술-동향")]
    [InlineData("💡", "section")]
    public void FromTitle_FoldsNonLetterRuns(string title, string key)
    {
        Assert.Equal(key, SectionKeys.FromTitle(title));
    }

    [Theory]
    [InlineData("💡 News", "News")]
    [InlineData("⚙️ MLOps & Data", "MLOps & Data")]
    [InlineData("AI Viewpoint 🤖", "AI Viewpoint")]
    public void StripSymbols_RemovesEmoji(string text, string clean)
    {
        Assert.Equal(clean, SectionKeys.StripSymbols(text));
    }

    [Fact]
    public void StripSymbols_FastPathCharacters_AreNeverSymbols()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (!SectionKeys.CannotBeSymbols.Contains((char)c))
            {
                continue;
            }

            var category = char.GetUnicodeCategory((char)c);
            var decoration = category is System.Globalization.UnicodeCategory.OtherSymbol or System.Globalization.UnicodeCategory.Surrogate
                or System.Globalization.UnicodeCategory.PrivateUse || c is 0xFE0F or 0xFE0E or 0x200D or 0x20E3;
            Assert.False(decoration, $"U+{c:X4} is {category}");
        }
    }

    [Fact]
    public void FromTitle_OnAsciiAndHangul_EqualsTheRuneByRuneKey()
    {
        var hangul = Enumerable.Range(0xAC00, 0xD7A3 - 0xAC00 + 1).Select(c => (char)c);
        foreach (var c in Enumerable.Range(0, 0x80).Select(c => (char)c).Concat(hangul))
        {
            foreach (var title in new[] { $"{c}", $"A{c}b", $" x{c}{c}Y-", $"{c}한 Z" })
            {
                Assert.True(SectionKeys.FromAnyTitle(title) == SectionKeys.FromTitle(title), $"U+{(int)c:X4} in '{title}'");
            }
        }
    }

    [Theory]
    [InlineData("Plain — “quoted” title")]
    [InlineData("최신 인공지능 기술 동향")]
    [InlineData("Mixed 💡 emoji ⚙️ and ©")]
    [InlineData("  spaced\t out  ")]
    public void StripSymbols_EqualsTheRuneByRuneResult(string text)
    {
        Assert.Equal(SectionKeys.StripAnySymbols(text), SectionKeys.StripSymbols(text));
    }
}
