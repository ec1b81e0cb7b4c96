namespace Bot.Core.Highlights;

/// <summary>Classifies section keys into <see cref="SectionKind"/>s and names their emoji.</summary>
public static class SectionKinds
{
    /// <summary>The kind of a section key such as <c>papers</c> or <c>deep-learning-llm</c>.</summary>
    public static SectionKind Classify(string? sectionKey)
    {
        var key = sectionKey?.ToLowerInvariant() ?? string.Empty;
        if (key.Contains("paper", StringComparison.Ordinal) || key.Contains("논문", StringComparison.Ordinal) || key.Contains("research", StringComparison.Ordinal))
        {
            return SectionKind.Papers;
        }

        if (key.Contains("mlops", StringComparison.Ordinal) || key.Contains("ops", StringComparison.Ordinal) || key.Contains("tool", StringComparison.Ordinal) || key.Contains("infra", StringComparison.Ordinal))
        {
            return SectionKind.MLOps;
        }

        if (key.Contains("deep", StringComparison.Ordinal) || key.Contains("llm", StringComparison.Ordinal) || key.Contains("learning", StringComparison.Ordinal) || key.Contains("model", StringComparison.Ordinal))
        {
            return SectionKind.DeepLearning;
        }

        if (key.Contains("news", StringComparison.Ordinal) || key.Contains("뉴스", StringComparison.Ordinal) || key.Contains("overview", StringComparison.Ordinal) || key.Contains("preview", StringComparison.Ordinal) || key.Contains("brief", StringComparison.Ordinal))
        {
            return SectionKind.News;
        }

        return SectionKind.Other;
    }

    /// <summary>The emoji shown before a section's title.</summary>
    public static string Emoji(SectionKind kind) => kind switch
    {
        SectionKind.News => "📰",
        SectionKind.Papers => "📄",
        SectionKind.DeepLearning => "🧠",
        SectionKind.MLOps => "🛠️",
        _ => "📌",
    };
}
