using Markdig;

namespace Bot.Digests.Parsing;

/// <summary>The one Markdig pipeline every parse shares (building one is costly; using one is thread-safe).</summary>
internal static class DigestPipeline
{
    /// <summary>YAML front matter, footnotes, bare-URL autolinks and precise source positions.</summary>
    public static MarkdownPipeline Instance { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseFootnotes()
        .UseAutoLinks()
        .UsePreciseSourceLocation()
        .Build();
}
