using System.Reflection;

using Markdig.Extensions.Footnotes;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Digests.Parsing;

/// <summary>
/// Gives each document a link-label dictionary with an ordinal, case-insensitive comparer before any label is
/// stored. Markdig's default comparer is culture-aware (ICU on Linux) and hashing every <c>[^ref]</c> label
/// through ICU cost about a fifth of a digest parse. Labels in digests are ASCII ids, so ordinal matching is
/// the same answer. If a future Markdig renames the field, this does nothing and parsing is merely slower.
/// It also registers the footnote definitions that <see cref="TrailingDefinitions"/> read from the end of the text
/// (passed in the parser context), so their citations become footnote links exactly as if Markdig had read them.
/// </summary>
internal sealed class OrdinalLinkLabels : BlockParser
{
    private static readonly FieldInfo? LinksField =
        typeof(LinkReferenceDefinitionGroup).GetField("<Links>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance);

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
        if (LinksField is not null && group.Links.Count == 0 && LinksField.FieldType == typeof(Dictionary<string, LinkReferenceDefinition>))
        {
            LinksField.SetValue(group, new Dictionary<string, LinkReferenceDefinition>(64, StringComparer.OrdinalIgnoreCase));
        }

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
