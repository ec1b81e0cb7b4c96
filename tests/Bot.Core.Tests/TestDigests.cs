using Bot.Core.Replies;
using Bot.Digests.Model;


namespace Bot.Core.Tests;

/// <summary>Hand-built digests and highlights for tests, including adversarial text.</summary>
internal static class TestDigests
{
    public const string Url = "https://example.blog/posts/test/";

    /// <summary>Text that must never ping, form markup or break limits on either platform.</summary>
    public static readonly string[] Nasty =
    [
        "@everyone look", "@here now", "<@&123>", "<@123456789012345678>", "<#987>", "<!channel>", "<!here>", "<!everyone>",
        "<script>alert(1)</script>", "* _ ~ ` | > # - + [ ] ( ) \\ ** __ ~~ || ```code```", "[click](https://evil.example/x)",
        "<https://evil.example|not a link>", "&amp; & < >", "👨‍👩‍👧‍👦 family 🇰🇷 flag 👍🏽", "한국어와 English 혼합 문장입니다",
        "e\u0301\u0301 combining", "@\u200Beveryone", "# heading\n> quote\n- list",
    ];

    public static Entry Entry(string id, string title, params string[] bullets)
        => new(id, title, bullets.Select(b => new Bullet(b, 0)).ToList(), [], [new Reference("ref-" + id, title, $"https://arxiv.org/abs/{id}", $"https://arxiv.org/abs/{id}", ReferenceKind.Paper, id, null)], 1);

    public static Digest Digest(params Section[] sections)
        => new("2024-07-10-test", "AI Trends July", new DateOnly(2024, 7, 10), DigestFormat.Sectioned, [], [], null, null, "Summary", "test", null, sections, []);

    public static Section Section(string key, string title, int count, Func<int, string>? bullet = null)
        => new(key, title, Enumerable.Range(1, count).Select(i => Entry($"e{i}", $"Entry {i}", bullet?.Invoke(i) ?? $"Summary of entry {i}.")).ToList());

    public static SectionHighlight Highlight(string key, int shown, int more = 0, Func<int, string>? title = null, Func<int, string>? summary = null, string? url = Url)
        => new("2024-07-10-test", "AI Trends July", new DateOnly(2024, 7, 10), url, key, key, Enumerable.Range(1, shown)
            .Select(i => new HighlightItem($"e{i}", title?.Invoke(i) ?? $"Entry {i}", summary?.Invoke(i) ?? $"Summary {i}", $"https://arxiv.org/abs/2401.{i:00000}"))
            .ToList(), more);

    public static Bot.Library.Search.SearchResult Result(string title, string? summary = "A summary.")
        => new("e1", title, summary, "papers", "d1", "AI Trends", "2024-07-10", "https://arxiv.org/abs/2401.00001", [], [], 1.0);
}
