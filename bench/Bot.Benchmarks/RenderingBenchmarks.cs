using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Core.Templates;
using Bot.Discord.Rendering;
using Bot.Slack.Rendering;

namespace Bot.Benchmarks;

/// <summary>
/// Rendering a scheduled section into platform payloads (templates, escaping, truncation, splitting).
/// <c>dotnet run -c Release --project bench/Bot.Benchmarks -- --filter '*RenderingBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, warmupCount: 2, iterationCount: 5)]
public class RenderingBenchmarks
{
    private DiscordRenderer _discord = null!;
    private SlackRenderer _slack = null!;
    private SectionPost _typical = null!;
    private SectionPost _hostile = null!;

    [GlobalSetup]
    public void Setup()
    {
        var templates = TemplateStore.CreateDefault(DiscordMarkup.Dialect, SlackMarkup.Dialect);
        _discord = new DiscordRenderer(templates);
        _slack = new SlackRenderer(templates);
        _typical = new SectionPost("bench", Highlight(5, i => $"Sparse Mixture Routing for Small Language Models {i}", _ => "10억 파라미터 이하 모델에서도 전문가 혼합(MoE) 라우팅이 효과적이라는 것을 보였습니다. Routing works."));
        var huge = string.Concat(Enumerable.Repeat("한국어 English @everyone <!channel> **x** 👨‍👩‍👧‍👦 ", 400))[..20_000];
        _hostile = new SectionPost("bench", Highlight(200, _ => huge, _ => huge));
    }

    /// <summary>A five-entry section to Discord embeds.</summary>
    [Benchmark(Baseline = true)]
    public int DiscordTypicalSection() => _discord.RenderPost(_typical).Count;

    /// <summary>The same section to Slack blocks.</summary>
    [Benchmark]
    public int SlackTypicalSection() => _slack.RenderPost(_typical).Count;

    /// <summary>200 entries of 20,000-character hostile text to Discord (split across messages).</summary>
    [Benchmark]
    public int DiscordHostileSection() => _discord.RenderPost(_hostile).Count;

    /// <summary>The same to Slack.</summary>
    [Benchmark]
    public int SlackHostileSection() => _slack.RenderPost(_hostile).Count;

    private static SectionHighlight Highlight(int count, Func<int, string> title, Func<int, string> summary)
        => new("2026-09-07-ai-trend-2026-08", "2026년 8월 AI 기술 트렌드 | AI Trends, August 2026", new DateOnly(2026, 9, 7), "https://example.blog/posts/ai-trend-2026-08/",
            "papers", "Papers", Enumerable.Range(1, count).Select(i => new HighlightItem($"e{i}", title(i), summary(i), $"https://arxiv.org/abs/2409.{i:00000}")).ToList(), 3);
}
