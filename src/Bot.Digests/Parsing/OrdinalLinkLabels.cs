using Markdig.Extensions.Footnotes;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Digests.Parsing;

/// <summary>
/// Registers the footnote definitions that <see cref="TrailingDefinitions"/> read from the end of the text (passed in
/// the parser context) in the document's link-label table, through Markdig's public API only, so their citations
/// become footnote links exactly as if Markdig had read them. (It once also swapped the table's private dictionary
/// for an ordinal one by reflection; that is gone: no reaching into another library's private members.)
/// </summary>
internal sealed class OrdinalLinkLabels : BlockParser
{
    private static readonly object InstalledKey = new();

    public OrdinalLinkLabels()
    {
        // No opening characters: Markdig offers every new line to this parser, which only looks once per document.
        OpeningCharacters = null;
    }

    public override BlockState TryOpen(BlockProcessor processor)
    {
        ArgumentNullException.ThrowIfNull(processor);
        var document = processor.Document;
        if (document.GetData(InstalledKey) is not null)
        {
            return BlockState.None;
        }

        document.SetData(InstalledKey, InstalledKey);
        var group = document.GetLinkReferenceDefinitions(true);

        if (processor.Context?.Properties.TryGetValue(TrailingDefinitions.ContextKey, out var value) == true && value is TrailingDefinitions trailing)
        {
            foreach (var definition in trailing.Definitions)
            {
                // As Markdig's footnote parser does (the first definition of a label wins; a citation creates a link to
                // it), but only in the label table: the definitions are not blocks of this document.
                var footnote = new Footnote(null!) { Label = "^" + definition.Label };
                group.Links.TryAdd(footnote.Label, new FootnoteLinkReferenceDefinition(footnote)
                {
                    Label = footnote.Label,
                    Line = definition.Line - 1,
                    CreateLinkInline = CreateFootnoteLink,
                });
            }
        }

        return BlockState.None;
    }

    private static FootnoteLink CreateFootnoteLink(InlineProcessor processor, LinkReferenceDefinition definition, Inline? child) =>
        new(((FootnoteLinkReferenceDefinition)definition).Footnote);
}
