using Bot.Digests.Model;

using static Bot.Library.Tests.TestDigests;

namespace Bot.Library.Tests;

/// <summary>Three small hand-built digests that exercise every search rule of issue #3.</summary>
internal static class SearchCorpus
{
    public const string OldId = "2024-01-10-ai-trend-old";
    public const string NewId = "2024-03-05-ai-trend-new";
    public const string BriefId = "2024-04-29-briefing";

    public static Digest Old => Digest(OldId, "AI Trend January", "2024-01-10",
        Section("news", "News",
            Entry("old/news/1", "LLM 추론을 위한 효율적인 Scaling", ["모델 크기보다 추론 시간 계산을 늘리는 방법을 다룹니다."], Link("https://example.com/scaling?utm_source=x", "Scaling inference compute")),
            Entry("old/news/2", "임베딩(Embedding) 모델 비교", ["여러 한국어 문장 표현 모델을 비교했습니다."], Link("https://example.com/embedding", "Embedding leaderboard")),
            Entry("old/news/3", "Time-series forecasting with foundation models", ["Zero-shot 예측 성능이 좋습니다."], Link("https://example.com/timesfm", "TimesFM")),
            Entry("old/news/4", "GPU 클러스터 운영 경험", ["대규모 학습을 위한 스케줄러 구성"], Link("https://example.com/gpu", "Cluster notes")),
            Entry("old/news/5", "Quantization for mobile chips", ["Edge devices need small models."], Link("https://example.com/quant-title", "Mobile inference")),
            Entry("old/news/6", "Weekly tooling roundup", ["A new vector database release."], Link("https://example.com/tooling-old", "Tools"))),
        Section("papers", "Papers",
            Entry("old/papers/1", "The Curse of Recursion", ["Training on generated data makes models forget."], Arxiv("2305.17493", "The Curse of Recursion: Training on Generated Data Makes Models Forget")),
            Entry("old/papers/2", "Protein structure with diffusion", ["단백질 구조 예측"], Doi("10.1038/s41586-024-07487-w", "Accurate structure prediction of biomolecular interactions"))));

    public static Digest New => Digest(NewId, "AI Trend March", "2024-03-05",
        Section("news", "News",
            Entry("new/news/1", "검색 증강 생성(RAG) 파이프라인 구축", ["사내 문서로 RAG 시스템을 만들었습니다."], Link("https://example.com/rag", "Building RAG")),
            Entry("new/news/2", "Serving tricks", ["Quantization quantization quantization of weights halves memory."], Link("https://example.com/serving", "Serving")),
            Entry("new/news/3", "Weekly tooling roundup", ["A new vector database release."], Link("https://example.com/tooling-new", "Tools")),
            Entry("new/news/4", "엣지 추론 최적화", ["작은 기기에서 빠르게 실행합니다."], Link("https://example.com/edge", "Sparse kernels for microcontrollers")),
            Entry("new/news/5", "시계열 데이터 정리", ["Time series 데이터를 다루는 팁"], Link("https://example.com/ts", "Tips"))),
        Section("papers", "Papers",
            Entry("new/papers/1", "Model collapse revisited", ["재귀 학습의 위험"], Arxiv("2305.17493", "The Curse of Recursion")),
            Entry("new/papers/2", "Nature protein follow-up", ["후속 연구"], Doi("10.1038/s41586-024-07487-w", "Accurate structure prediction"))));

    public static Digest Brief => new(BriefId, "AI 기술의 주말 토론", new DateOnly(2024, 4, 29), DigestFormat.Briefing, [], [], null, null, "요약", "briefing", null,
        [
            Section("ai-models", "주요 AI 모델",
                Entry("brief/1", "Dolphin 모델", ["Llama 기반 모델 출시"], Link("https://www.reddit.com/r/LocalLLaMA/dolphin", "Dolphin"), Arxiv("2305.17493", "cited again", "inline-2")),
                Entry("brief/2", "Blog about GPUs", ["Rent a GPU cheaply"], Link("https://blog.example.org/gpus", "Cheap GPUs"))),
        ],
        []);

    public static async Task<TempLibrary> CreateAsync()
    {
        var temp = new TempLibrary();
        await temp.Library.StoreDigestAsync(Old);
        await temp.Library.StoreDigestAsync(New);
        await temp.Library.StoreDigestAsync(Brief);
        return temp;
    }
}
