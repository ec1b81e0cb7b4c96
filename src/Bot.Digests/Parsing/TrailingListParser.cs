using Markdig.Parsers;
using Markdig.Syntax;

namespace Bot.Digests.Parsing;

/// <summary>
/// Hands Markdig the whole text but keeps it from reading the trailing footnote list (passed in the parser context):
/// at the list's first line, at the top level, it opens one <see cref="TrailingListBlock"/> that takes every remaining line
/// without keeping it. Markdig thus reads the body exactly as before, with no copy of the text before the list.
/// </summary>
internal sealed class TrailingListParser : BlockParser
{
    public TrailingListParser() => OpeningCharacters = ['['];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        ArgumentNullException.ThrowIfNull(processor);
        if (processor.Context is not { } context
            || !context.Properties.TryGetValue(TrailingDefinitions.ContextKey, out var value)
            || value is not TrailingDefinitions trailing
            || processor.LineIndex != trailing.FirstDefinitionLine
            || processor.IsCodeIndent
            || processor.GetCurrentContainerOpened() is not MarkdownDocument)
        {
            return BlockState.None;
        }

        processor.NewBlocks.Push(new TrailingListBlock(this)
        {
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(processor.Start, processor.Line.End),
        });
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block) => BlockState.ContinueDiscard;
}
