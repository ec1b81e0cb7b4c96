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
}
