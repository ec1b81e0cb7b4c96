namespace Bot.Benchmarks.Library;

/// <summary>Words for the generated Korean/English AI-trend corpus (written for this project).</summary>
internal static class CorpusVocabulary
{
    public static readonly string[] KoreanNouns =
    [
        "추론", "모델", "학습", "데이터", "임베딩", "검색", "증강", "생성", "평가", "벤치마크", "성능", "효율", "가속기", "반도체",
        "클러스터", "파이프라인", "에이전트", "멀티모달", "언어", "음성", "이미지", "영상", "로봇", "강화학습", "미세조정", "양자화",
        "경량화", "추천", "시계열", "예측", "분류", "요약", "번역", "코드", "보안", "개인정보", "규제", "정책", "오픈소스", "라이선스",
        "연구", "논문", "기업", "스타트업", "투자", "서비스", "사용자", "플랫폼", "클라우드", "서버", "메모리", "토큰", "컨텍스트",
        "프롬프트", "환각", "정확도", "지연시간", "처리량", "비용", "전력", "의료", "진단", "단백질", "신약", "농업", "금융", "교육",
        "게임", "자율주행", "지도", "센서", "배포", "모니터링", "운영", "실험", "재현성", "정렬", "안전성", "편향", "공정성", "저작권",
        "칩", "엣지", "온디바이스", "문서", "표", "수식", "그래프", "지식", "질의응답", "대화", "챗봇", "비서", "통역", "자막",
    ];

    public static readonly string[] Particles = ["", "", "을", "를", "이", "가", "은", "는", "의", "에서", "으로", "로", "와", "과", "에", "도"];

    public static readonly string[] KoreanEndings =
    [
        "발표했습니다", "공개했습니다", "제안했습니다", "개선했습니다", "보여주었습니다", "줄였습니다", "늘렸습니다", "소개합니다",
        "지원합니다", "달성했습니다", "분석했습니다", "비교했습니다", "확인했습니다", "설명합니다", "다룹니다",
    ];

    public static readonly string[] KoreanAdjectives = ["효율적인", "새로운", "작은", "빠른", "안정적인", "대규모", "정확한", "가벼운", "실시간", "개방형"];

    public static readonly string[] EnglishWords =
    [
        "model", "inference", "training", "dataset", "benchmark", "agent", "retrieval", "generation", "scaling", "efficient", "sparse",
        "attention", "transformer", "diffusion", "multimodal", "reasoning", "alignment", "quantization", "distillation", "fine-tuning",
        "time-series", "forecasting", "embedding", "vector", "database", "kernel", "compiler", "serving", "latency", "throughput",
        "open-source", "evaluation", "robustness", "safety", "privacy", "federated", "reinforcement", "learning", "policy", "reward",
        "language", "vision", "speech", "audio", "video", "protein", "structure", "graph", "neural", "network", "routing", "mixture",
        "experts", "context", "window", "long", "memory", "cache", "token", "speculative", "decoding", "pretraining", "synthetic",
        "data", "curation", "tokenizer", "multilingual", "Korean", "code", "math", "planning", "tool", "use", "search", "ranking",
    ];

    public static readonly string[] Acronyms = ["LLM", "RAG", "GPU", "TPU", "NPU", "MoE", "RLHF", "DPO", "LoRA", "ViT", "CNN", "API", "SDK", "MLOps", "NLP", "OCR", "TTS", "ASR", "KV"];

    public static readonly string[] Products = ["Llama", "Gemini", "Claude", "GPT-4o", "Mistral", "Qwen", "Phi-3", "Gemma", "Stable Diffusion", "Sora", "Whisper", "TimesFM", "AlphaFold", "DeepSeek", "Kimi"];

    public static readonly string[] Companies = ["Google", "Meta", "Microsoft", "OpenAI", "Anthropic", "NVIDIA", "삼성전자", "네이버", "카카오", "LG AI연구원", "Apple", "Amazon", "Hugging Face", "Mistral AI", "업스테이지"];

    public static readonly string[] Sites = ["news.example.com", "blog.example.org", "techdaily.example.net", "ai-weekly.example.io", "research.example.ai"];

    public static readonly (string Key, string Title, int Count)[] Sections =
    [
        ("news", "💡 **News**", 15),
        ("papers", "📄 **Papers**", 15),
        ("deep-learning-llm", "🧠 **Deep Learning, LLM**", 10),
        ("mlops-data", "🛠️ **MLOps & Data**", 10),
    ];
}
