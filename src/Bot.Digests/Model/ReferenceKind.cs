namespace Bot.Digests.Model;

/// <summary>What a reference points at.</summary>
public enum ReferenceKind
{
    /// <summary>A news item, blog post or anything else.</summary>
    Article,

    /// <summary>arXiv, a DOI, proceedings or a PDF.</summary>
    Paper,

    /// <summary>A source repository (GitHub, GitLab, Hugging Face code).</summary>
    Code,

    /// <summary>YouTube, Vimeo and the like.</summary>
    Video,
}
