using System.Globalization;
using Bot.Library.Search;
using Xunit.Abstractions;

namespace Bot.Library.Tests;

/// <summary>
/// The search evaluation set: queries over samples/ (always) and ../shared seeds + wild (when present), each
/// with the entries a reader expects in the top five. An expected entry counts as found when a top-5 result,
/// or an entry grouped under it (alsoIn), has a title containing the expected text.
/// </summary>
public sealed class SearchEvaluationTests(ITestOutputHelper output)
{
    private sealed record Case(string Query, string Kind, bool Shared, params string[] Expected);

    private static readonly Case[] Cases =
    [
        // samples/digests (written for this project)
        new("추론", "korean-2", false, "추론을"),
        new("임베딩", "korean", false, "임베딩(Embedding) 모델 고르는 법"),
        new("Embedding", "english", false, "임베딩(Embedding) 모델 고르는 법"),
        new("RAG", "acronym", false, "RAG 챗봇 시범 도입"),
        new("OCR", "acronym", false, "OCR 모델 투입"),
        new("LLM 토크나이저", "mixed", false, "한국어 LLM 토크나이저 비교"),
        new("time series", "english", false, "Self-Supervised Pretraining for Time-Series"),
        new("time-series", "english", false, "Self-Supervised Pretraining for Time-Series"),
        new("2409.01234", "arxiv", false, "Sparse Mixture Routing for Small Language Models"),
        new("arxiv.org/abs/2409.05678", "arxiv", false, "late interaction"),
        new("양자화", "korean", false, "양자화 후 미세 조정"),
        new("증류", "korean-2", false, "작은 모델로 증류하기"),
        new("단백질", "korean", false, "단백질 접힘 예측의 불확실성 보정"),
        new("관측성", "korean", false, "데이터 파이프라인 관측성"),
        new("피처 스토어", "korean", false, "피처 스토어 없이 실시간 추천 운영하기"),
        new("데이터 계약", "korean", false, "데이터 계약(Data Contract) 도입기"),
        new("data contracts", "english", false, "데이터 계약(Data Contract) 도입기"),
        new("Quillwort", "reference-title", false, "모델 서빙 비용 절반으로 줄이기"),
        new("paged attention", "reference-title", false, "LLM 추론을 확장하는"),
        new("billion-vector index", "reference-title", false, "대규모 임베딩 색인 재구축"),
        new("Lumen-3B", "english", false, "Lumen-3B 공개"),
        new("WebGPU", "english", false, "WebGPU 런타임 업데이트"),
        new("mixture routing", "english", false, "Sparse Mixture Routing"),
        new("에이전트 벤치마크", "korean", false, "에이전트 벤치마크 공동 컨소시엄 출범"),
        new("토큰 예산", "korean-2", false, "추론 토큰 예산 정하기"),
        new("배터리", "korean", false, "배터리 영향 측정"),
        new("late interaction", "english", false, "late interaction"),
        new("GPU 추론", "mixed", false, "추론 전용 GPU 공급 확대"),

        // ../shared seeds and wild (third-party posts; read at test time only)
        new("2305.17493", "arxiv", true, "생성된 데이터로 훈련하면 모델이 잊어버리는 현상", "The Curse of Recursion"),
        new("Curse of Recursion", "english", true, "The Curse of Recursion", "생성된 데이터로 훈련하면"),
        new("Self-RAG", "acronym", true, "Self-RAG"),
        new("InstaFlow", "english", true, "InstaFlow"),
        new("TimeGPT", "english", true, "TimeGPT"),
        new("시계열 예측", "korean", true, "Google의 새로운 시계열 예측 모델"),
        new("Hallucination", "english", true, "Hallucination 탐지하기"),
        new("벡터 데이터베이스", "korean", true, "벡터 데이터베이스 선택"),
        new("AlphaFold", "english", true, "Accurate structure prediction of biomolecular interactions"),
        new("2312.12491", "arxiv", true, "StreamDiffusion"),
        new("LinkedIn 임베딩", "mixed", true, "LinkedIn이 임베딩 기술을"),
        new("TPU", "acronym", true, "Google의 TPU"),
        new("BitNet", "english", true, "Microsoft의 BitNet"),
        new("robocalls", "reference-title", true, "AI 기반 자동 음성 통화 제한"),
        new("Databricks", "english", true, "Microsoft Fabric과 Databricks"),
        new("DeepSeek-V2", "english", true, "DeepSeek-V2 출시"),
        new("Unsloth", "english", true, "Unsloth"),
        new("농업", "korean-2", true, "농업에서의 AI 활용"),
        new("Flash Attention", "english", true, "Flash Attention 2"),
    ];

    [Fact]
    public async Task Evaluation_Recall5IsAtLeast95Percent_AndPrintsMrr()
    {
        using var temp = new TempLibrary();
        List<string> sources = [RepoPaths.Samples];
        var shared = RepoPaths.Shared;
        if (shared is null)
        {
            output.WriteLine("../shared not found next to the repository: only the samples/ queries run (CI has ../shared).");
        }
        else
        {
            sources.Add(Path.Combine(shared, "seeds"));
            sources.Add(Path.Combine(shared, "wild"));
        }

        var report = await temp.Library.IngestAsync(sources);
        Assert.Equal(0, report.Failed);

        var cases = Cases.Where(c => shared is not null || !c.Shared).ToList();
        Assert.True(cases.Count >= 28, "the samples/ part of the set alone has at least 28 queries");
        int expected = 0, found = 0;
        var reciprocal = 0.0;
        foreach (var c in cases)
        {
            var response = await temp.Library.SearchAsync(new SearchRequest(c.Query, Limit: 5));
            var ranked = response.Results.Select(r => r.AlsoIn.Select(a => a.EntryTitle).Prepend(r.Title).ToList()).ToList();
            var firstRank = ranked.FindIndex(titles => c.Expected.Any(e => titles.Any(t => t.Contains(e, StringComparison.OrdinalIgnoreCase))));
            var hits = c.Expected.Count(e => ranked.Any(titles => titles.Any(t => t.Contains(e, StringComparison.OrdinalIgnoreCase))));
            expected += c.Expected.Length;
            found += hits;
            reciprocal += firstRank >= 0 ? 1.0 / (firstRank + 1) : 0;
            output.WriteLine($"{(hits == c.Expected.Length ? "ok  " : "MISS")} [{c.Kind}] {c.Query} -> rank {(firstRank >= 0 ? (firstRank + 1).ToString(CultureInfo.InvariantCulture) : "-")}: {string.Join(" | ", response.Results.Select(r => r.Title))}");
        }

        var recall = (double)found / expected;
        var mrr = reciprocal / cases.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"queries {cases.Count}, recall@5 {recall:0.000}, MRR {mrr:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search evaluation: {cases.Count} queries, recall@5 {recall:0.000}, MRR {mrr:0.000}"));
        Assert.True(recall >= 0.95, $"recall@5 {recall:0.000} < 0.95");
    }
}
