using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace Bot.Digests.Parsing;

/// <summary>The one Markdig pipeline every parse shares (building one is costly; using one is thread-safe).</summary>
internal static class DigestPipeline
{
    /// <summary>YAML front matter and footnotes, and <see cref="TrailingListParser"/> and <see cref="FootnoteCitations"/> for a
    /// trailing list read without Markdig (they only act when the parser context carries that list). Block lines and spans
    /// (all the parser reports) need no <c>UsePreciseSourceLocation</c>, which only adds inline positions and cost ~4% of a
    /// parse. Bare URLs are found in literal text by <see cref="InlineScan"/> instead of Markdig's autolink extension, which
    /// costs ~15% of a parse.</summary>
    public static MarkdownPipeline Instance { get; } = Build();

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter()
            .UseFootnotes();

        // Extensions are set up in order when the pipeline is built, so this one finds the footnote parser in place.
        builder.Extensions.Add(new TrailingListExtension());
        return builder.Build();
    }

    private sealed class TrailingListExtension : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
            // Before the footnote parser, which would otherwise open the list's first definition.
            pipeline.BlockParsers.InsertBefore<FootnoteParser>(new TrailingListParser());
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new FootnoteCitations());
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
        }
    }
}
