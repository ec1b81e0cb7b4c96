using Bot.Core.Commands;
using Bot.Core.Replies;
using Bot.Library.Search;
using FsCheck;
using FsCheck.Fluent;

namespace Bot.Core.Tests;

/// <summary>FsCheck generators of hostile replies: huge bullets, many entries, Markdown, mentions, emoji, mixed scripts.</summary>
public static class AdversarialGen
{
    private static readonly string Long = string.Concat(Enumerable.Repeat("긴 문장 long words @everyone ** <@&1> 👨‍👩‍👧‍👦 ", 500))[..20_000];

    /// <summary>A piece of hostile text.</summary>
    public static Gen<string> Text() =>
        Gen.Frequency(
            (6, Gen.Elements(TestDigests.Nasty)),
            (2, Gen.Elements("word", "모델", "LLM", " ", "\n", "", "🇰🇷", "e\u0301", "\u1100\u1161\u11A8", "\\", "*", "_", "~", "`", "|", ">", "#", "-", "[", "]", "(", ")", "<", "&", "@")),
            (1, Gen.Constant(Long)))
        .ListOf().Select(parts => string.Join(string.Empty, parts.Take(40)));

    /// <summary>A section highlight with 0 to 200 entries of hostile text.</summary>
    public static Arbitrary<SectionHighlight> Highlight() =>
        (from count in Gen.Elements(0, 1, 5, 25, 26, 51, 200)
         from title in Text()
         from section in Gen.Elements("news", "papers", "deep-learning-llm", "mlops", "other", "📰 News @here")
         from items in Gen.Zip(Text(), Text()).ListOf().Select(l => l.ToList())
         from more in Gen.Choose(0, 500)
         from url in Gen.Elements<string?>(TestDigests.Url, null, "javascript:alert(1)", "https://x.example/a b)(<>|")
         select new SectionHighlight("d", title, new DateOnly(2024, 7, 10), url, section, section, Enumerable.Range(0, count)
             .Select(i => items.Count == 0 ? ("t", "s") : items[i % items.Count])
             .Select((p, i) => new HighlightItem($"e{i}", p.Item1, p.Item2, i % 3 == 0 ? url : "https://arxiv.org/abs/2401.00001"))
             .ToList(), more))
        .ToArbitrary();

    /// <summary>Any neutral reply, built from hostile text.</summary>
    public static Arbitrary<Reply> Reply() =>
        Gen.OneOf(
            Highlight().Generator.Select(h => (Reply)h),
            from query in Text()
            from results in Gen.Zip(Text(), Text()).ListOf()
            from page in Gen.Choose(1, 40)
            select (Reply)new SearchResults("search", query, query, 999, page, 40, results.Take(10).Select(r => Result(r.Item1, r.Item2)).ToList(), new PagingState("search", 5, query, query).Encode()),
            from title in Text()
            from sections in Text().ListOf()
            select (Reply)new DigestOverview("d", title, null, TestDigests.Url, title, sections.Take(60).Select((s, i) => new OverviewSection($"k{i}", s, i, TestDigests.Url)).ToList()),
            from title in Text()
            from refs in Gen.Zip(Text(), Text()).ListOf()
            select (Reply)new ReferencesReply(title, Result(title, title), refs.Take(60).Select(r => new CitedReference(
                new Bot.Digests.Model.Reference("l", r.Item1, "https://x.example/" + r.Item2.Length, "https://x.example/", Bot.Digests.Model.ReferenceKind.Article, null, null),
                [new AlsoIn("e", "d", r.Item2, "2024-01-01", r.Item1)])).ToList()),
            from message in Text()
            from hint in Text()
            select (Reply)new ErrorReply(message, hint),
            Text().Select(t => (Reply)new TextReply(t, false)))
        .ToArbitrary();

    /// <summary>Text made of hostile pieces and links, with a length limit.</summary>
    public static Arbitrary<TruncationCase> Truncation() =>
        (from parts in Gen.Elements(TestDigests.Nasty.Concat(["[link](https://a.example/x)", "<https://b.example|slack>", " ", "한", "👍🏽", "\u1100\u1161", "word"]).ToArray()).ListOf()
         from max in Gen.Choose(0, 400)
         select new TruncationCase(string.Concat(parts), max))
        .ToArbitrary();

    private static SearchResult Result(string title, string summary)
        => new("e", title, summary, title, "d", summary, "2024-07-10", "https://arxiv.org/abs/2401.00001", [], [new AlsoIn("e2", "d2", title, null, summary)], 1);
}
