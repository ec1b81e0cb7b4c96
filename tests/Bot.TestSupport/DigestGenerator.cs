using System.Globalization;
using System.Text;

namespace Bot.TestSupport;

/// <summary>
/// Deterministic, realistic sectioned (Jekyll/Chirpy) digests for benchmarks and corpus tests: Korean and
/// English mixed, four sections, nested bullets, images with captions, footnote references of every kind
/// (arXiv abs/pdf, DOI, GitHub, YouTube, tracking parameters). The same seed and index give the same text.
/// </summary>
public sealed class DigestGenerator(int seed = 42)
{
    private static readonly string[] Sections = ["💡 **News**", "📄 **Papers**", "🧠 **Deep Learning, LLM**", "⚙️ **MLOps & Data**"];
    private static readonly string[] SectionPrefixes = ["n", "pa", "dl", "ml"];

    private static readonly string[] Subjects =
    [
        "LLM 추론", "RAG 파이프라인", "GPU 클러스터", "임베딩(Embedding) 모델", "time-series 예측", "검색 품질", "멀티모달 학습",
        "Mixture-of-Experts", "KV 캐시", "양자화(Quantization)", "에이전트 평가", "데이터 계약", "피처 스토어", "토크나이저",
        "Diffusion 모델", "강화 학습", "온디바이스 AI", "벡터 데이터베이스", "모델 서빙", "Long-context 학습",
    ];

    private static readonly string[] Verbs =
    [
        "을 위한 효율적인 Scaling", "의 새로운 벤치마크", " 비용 절감 사례", "을 개선하는 방법", " 오픈소스 공개", "에 대한 실험 결과",
        ": lessons learned", " at production scale", " without labels", "의 한계와 대안",
    ];

    private static readonly string[] Sentences =
    [
        "연구진은 {0} 성능을 기존 대비 크게 향상시켰다고 발표했습니다.",
        "{0} 관련 코드와 가중치가 함께 공개되어 재현이 쉬워졌습니다.",
        "The authors report that {0} scales to billions of parameters on commodity GPUs.",
        "실험에서는 한국어와 영어 데이터셋 모두에서 일관된 개선이 관찰되었습니다.",
        "A follow-up post explains how {0} behaves under heavy production traffic.",
        "{0}의 학습 비용은 절반으로 줄었지만 추론 지연 시간은 비슷하게 유지되었습니다.",
        "검색 단계와 생성 단계를 분리해 평가하는 것이 중요하다고 강조합니다.",
        "Benchmarks cover retrieval, summarisation and time-series forecasting tasks.",
    ];

    /// <summary>The Jekyll file name of digest <paramref name="index"/>: <c>yyyy-MM-dd-ai-trend-gen-NNNN.md</c>.</summary>
    public string FileNameFor(int index)
    {
        var date = new DateOnly(2024, 1, 1).AddDays(index * 7);
        return string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd}-ai-trend-gen-{index:D4}.md");
    }

    /// <summary><paramref name="count"/> digests as (file name, Markdown) pairs.</summary>
    public IEnumerable<(string FileName, string Markdown)> GenerateMany(int count, int entriesPerDigest = 50)
    {
        for (var i = 0; i < count; i++)
        {
            yield return (FileNameFor(i), Generate(i, entriesPerDigest));
        }
    }

    /// <summary>The Markdown of digest <paramref name="index"/> with about <paramref name="entriesPerDigest"/> entries.</summary>
    public string Generate(int index, int entriesPerDigest = 50)
    {
        var random = new Random(unchecked((seed * 7919) + index));
        var date = new DateOnly(2024, 1, 1).AddDays(index * 7);
        var text = new StringBuilder(entriesPerDigest * 420);
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"---\ntitle: \"{date:yyyy}년 {date.Month}월 AI 기술 트렌드 #{index} | AI Trends\"\n")
            .Append(inv, $"date: {date:yyyy-MM-dd} 00:00:00 +/-TTTT\ncategories: [AI Trend]\ntags: [ai-trend, generated]\nauthor: generator\n")
            .Append(inv, $"description: {date:yyyy}년 {date.Month}월의 AI 뉴스, 논문, LLM 추론과 MLOps 사례를 정리했습니다.\n---\n\n")
            .Append("> 이번 호의 주요 뉴스와 논문을 소개합니다.\n{: .prompt-info }\n\n&nbsp;\n\n");

        var references = new StringBuilder("## References\n");
        var perSection = Math.Max(1, entriesPerDigest / Sections.Length);
        for (var s = 0; s < Sections.Length; s++)
        {
            text.Append("## ").Append(Sections[s]).Append('\n');
            var count = s == Sections.Length - 1 ? Math.Max(1, entriesPerDigest - (perSection * (Sections.Length - 1))) : perSection;
            for (var e = 1; e <= count; e++)
            {
                var label = string.Create(inv, $"ref-{SectionPrefixes[s]}-{e}");
                var subject = Pick(random, Subjects);
                text.Append("### ").Append(subject).Append(Pick(random, Verbs)).Append(" [^").Append(label).Append("]\n");
                var bullets = random.Next(2, 4);
                for (var b = 0; b < bullets; b++)
                {
                    text.Append("- ").Append(string.Format(inv, Pick(random, Sentences), subject)).Append('\n');
                    if (random.Next(4) == 0)
                    {
                        text.Append("  - ").Append(string.Format(inv, Pick(random, Sentences), subject)).Append('\n');
                    }
                }

                if (random.Next(8) == 0)
                {
                    text.Append(inv, $"\n![fig{e}]({date:yyyyMMdd}-{s}-{e}.png){{: width=\"600\"}}\n_{subject} 구조도_\n");
                }

                text.Append('\n');
                references.Append("[^").Append(label).Append("]: [").Append(subject).Append(" — source ").Append(e).Append("](")
                    .Append(UrlFor(random, s, index, e)).Append(")\n");
            }

            text.Append("&nbsp;\n\n-------------------\n\n");
        }

        return text.Append(references).ToString();
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static string UrlFor(Random random, int section, int index, int entry)
    {
        var inv = CultureInfo.InvariantCulture;
        var paper = 1000 + random.Next(400); // a small pool, so papers recur across digests
        return random.Next(8) switch
        {
            0 => string.Create(inv, $"https://arxiv.org/abs/2409.0{paper}"),
            1 => string.Create(inv, $"https://arxiv.org/pdf/2409.0{paper}v{1 + random.Next(3)}.pdf"),
            2 => string.Create(inv, $"https://github.com/example-lab/project-{paper}"),
            3 => string.Create(inv, $"https://www.youtube.com/watch?v=vid{paper:D5}xyz"),
            4 => string.Create(inv, $"https://doi.org/10.1145/3626772.{paper}"),
            5 => string.Create(inv, $"https://news.example.com/{index}/{section}/{entry}?utm_source=newsletter&utm_medium=email"),
            _ => string.Create(inv, $"https://blog.example.org/posts/{index}-{section}-{entry}"),
        };
    }
}
