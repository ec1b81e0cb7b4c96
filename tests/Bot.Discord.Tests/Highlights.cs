using Bot.Core.Posting;
using Bot.Core.Replies;


namespace Bot.Discord.Tests;

/// <summary>Section highlights and posts for posting tests.</summary>
internal static class Highlights
{
    public static SectionHighlight Create(string sectionKey = "papers", int items = 3, string digestId = "2026-10-05-ai-trend")
        => new(
            digestId,
            "AI Trends, September 2026",
            new DateOnly(2026, 10, 5),
            "https://example.blog/posts/ai-trend-2026-09/",
            sectionKey,
            sectionKey == "papers" ? "Papers" : "News",
            Enumerable.Range(1, items).Select(i => new HighlightItem($"{digestId}#{i}", $"Entry {i} @everyone", $"Summary of entry {i}", $"https://arxiv.org/abs/2601.0000{i}")).ToList(),
            MoreCount: 2);

    public static SectionPost Post(string subscription, string sectionKey = "papers", string? threadParentId = null, string? threadName = null)
        => new($"{subscription}|2026-10-05-ai-trend|{sectionKey}", Create(sectionKey), threadParentId, threadName);
}
