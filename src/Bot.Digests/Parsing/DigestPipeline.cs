using Markdig;
using Markdig.Parsers.Inlines;

namespace Bot.Digests.Parsing;

/// <summary>The one Markdig pipeline every parse shares (building one is costly; using one is thread-safe).</summary>
internal static class DigestPipeline
{
    /// <summary>YAML front matter and footnotes, and <see cref="FootnoteCitations"/> for the citations of a trailing list read
    /// without Markdig (it only acts when the parser context carries that list). Block lines and spans (all the parser reports) need no
    /// <c>UsePreciseSourceLocation</c>, which only adds inline positions and cost ~4% of a parse. Bare URLs are found in literal text
    /// by <see cref="InlineScan"/> instead of Markdig's autolink extension, which costs ~15% of a parse.</summary>
    public static MarkdownPipeline Instance { get; } = Build();

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter()
            .UseFootnotes();
        builder.InlineParsers.InsertBefore<LinkInlineParser>(new FootnoteCitations());
        return builder.Build();
    }
}
