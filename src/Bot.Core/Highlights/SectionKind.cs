namespace Bot.Core.Highlights;

/// <summary>The kind of a section, which picks its colour and emoji on every platform.</summary>
public enum SectionKind
{
    /// <summary>News and briefings.</summary>
    News,

    /// <summary>Papers.</summary>
    Papers,

    /// <summary>Deep learning and LLMs.</summary>
    DeepLearning,

    /// <summary>MLOps, tooling and infrastructure.</summary>
    MLOps,

    /// <summary>Anything else.</summary>
    Other,
}
