using System.Reflection;

using Markdig.Parsers;
using Markdig.Syntax;

namespace Bot.Digests.Parsing;

/// <summary>
/// Gives each document a link-label dictionary with an ordinal, case-insensitive comparer before any label is
/// stored. Markdig's default comparer is culture-aware (ICU on Linux) and hashing every <c>[^ref]</c> label
/// through ICU cost about a fifth of a digest parse. Labels in digests are ASCII ids, so ordinal matching is
/// the same answer. If a future Markdig renames the field, this does nothing and parsing is merely slower.
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
        if (LinksField is null || document.GetData(InstalledKey) is not null)
        {
            return BlockState.None;
        }

        document.SetData(InstalledKey, InstalledKey);
        var group = document.GetLinkReferenceDefinitions(true);
        if (group.Links.Count == 0 && LinksField.FieldType == typeof(Dictionary<string, LinkReferenceDefinition>))
        {
            LinksField.SetValue(group, new Dictionary<string, LinkReferenceDefinition>(64, StringComparer.OrdinalIgnoreCase));
        }

        return BlockState.None;
    }
}
