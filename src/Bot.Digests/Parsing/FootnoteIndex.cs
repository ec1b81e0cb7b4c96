using Bot.Digests.Model;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Digests.Parsing;

/// <summary>
/// The <c>## References</c> footnote definitions, read from Markdig's definition group (which keeps every
/// definition with its line, including duplicates and unused ones that the footnote group drops).
/// </summary>
internal sealed class FootnoteIndex
{
    private readonly Dictionary<string, Definition> _definitions;
    private readonly HashSet<string> _used;

    private FootnoteIndex(int capacity)
    {
        _definitions = new(capacity, StringComparer.OrdinalIgnoreCase);
        _used = new(capacity, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Indexes the footnote definitions of <paramref name="document"/>, then those read from the end of the text
    /// (<paramref name="trailing"/>, which follow them in the document), warning about duplicates and empty ones.
    /// </summary>
    public static FootnoteIndex Build(MarkdownDocument document, IReadOnlyList<TrailingDefinitions.Definition>? trailing, ParseContext context)
    {
        var group = document.GetLinkReferenceDefinitions(false);
        var index = new FootnoteIndex((group?.Count ?? 0) + (trailing?.Count ?? 0));
        foreach (var block in group ?? [])
        {
            if (block is not FootnoteLinkReferenceDefinition { Footnote: { } footnote } definition)
            {
                continue;
            }

            var label = LabelOf(footnote.Label ?? definition.Label ?? string.Empty);
            var line = definition.Line + 1;
            if (index.IsNew(label, line, context))
            {
                index._definitions[label] = new Definition(label, line, ReadReferences(label, footnote, line, context));
            }
        }

        foreach (var definition in trailing ?? [])
        {
            if (index.IsNew(definition.Label, definition.Line, context))
            {
                index._definitions[definition.Label] = new Definition(definition.Label, definition.Line, ReadReference(definition, context));
            }
        }

        return index;
    }

    private bool IsNew(string label, int line, ParseContext context)
    {
        if (!_definitions.TryGetValue(label, out var first))
        {
            return true;
        }

        context.Warn(ParseWarningCodes.FootnoteDuplicate, $"Footnote [^{label}] is defined again; the definition at line {first.Line} is used.", line);
        return false;
    }

    /// <summary>Footnote id without the leading <c>^</c>.</summary>
    public static string LabelOf(string markdigLabel) => markdigLabel.TrimStart('^');

    /// <summary>True when <paramref name="label"/> is defined.</summary>
    public bool IsDefined(string label) => _definitions.ContainsKey(label);

    /// <summary>The references of footnote <paramref name="label"/> (empty for empty definitions); marks it used.</summary>
    public IReadOnlyList<Reference> Resolve(string label, out int line)
    {
        if (_definitions.TryGetValue(label, out var definition))
        {
            // Only defined labels can be reported unused: a flood of undefined ones costs no set entry.
            _used.Add(label);
            line = definition.Line;
            return definition.References;
        }

        line = 0;
        return [];
    }

    /// <summary>Warns about every definition that no heading or bullet cited.</summary>
    public void ReportUnused(ParseContext context)
    {
        foreach (var definition in _definitions.Values.OrderBy(d => d.Line))
        {
            if (!_used.Contains(definition.Label))
            {
                context.Warn(ParseWarningCodes.FootnoteUnused, $"Footnote [^{definition.Label}] is defined but never cited.", definition.Line);
            }
        }
    }

    /// <summary>Footnote labels cited by a scanned heading or paragraph; undefined <c>[^id]</c> text is warned about.</summary>
    public IEnumerable<string> CitedBy(InlineScan scan, int line, ParseContext context)
    {
        foreach (var label in scan.FootnoteLabels)
        {
            yield return label;
        }

        foreach (var id in scan.LiteralLabels)
        {
            if (!IsDefined(id))
            {
                // Past the per-code cap the warning is only counted: no message is formatted for it.
                if (context.KeepsMore(ParseWarningCodes.FootnoteUndefined))
                {
                    context.Warn(ParseWarningCodes.FootnoteUndefined, $"Footnote [^{id}] is cited but not defined.", line);
                }
                else
                {
                    context.CountOnly(ParseWarningCodes.FootnoteUndefined);
                }
            }

            yield return id;
        }
    }

    // What the Markdig path gives for `[Title](url)` (the title's plain text, else the URL) or for an empty definition.
    private static List<Reference> ReadReference(TrailingDefinitions.Definition definition, ParseContext context)
    {
        if (definition.Url is null)
        {
            context.Warn(ParseWarningCodes.DefinitionEmpty, $"Footnote [^{definition.Label}] is empty.", definition.Line);
            return [];
        }

        var title = SectionKeys.CollapseWhitespace(definition.Title ?? string.Empty);
        return [ParseContext.CreateReference(definition.Label, title.Length > 0 ? title : definition.Url, definition.Url)];
    }

    private static List<Reference> ReadReferences(string label, Footnote footnote, int line, ParseContext context)
    {
        var references = new List<Reference>();
        var hasText = false;
        foreach (var block in footnote)
        {
            if (block is not LeafBlock { Inline: { } inline })
            {
                continue;
            }

            // Fast path: the usual definition is `[Title](url)`; its text is only needed when there is no link.
            if (inline.FirstChild is LinkInline { IsImage: false } first && !string.IsNullOrWhiteSpace(first.Url) && IsOnlyBackLinksAfter(first))
            {
                var title = InlineText.Of(first);
                var firstLabel = references.Count == 0 ? label : $"{label}.{references.Count + 1}";
                references.Add(ParseContext.CreateReference(firstLabel, title.Length > 0 ? title : first.Url!.Trim(), first.Url!));
                hasText = true;
                continue;
            }

            var scan = new InlineScan();
            var text = InlineText.Of(inline, scan);
            hasText |= text.Length > 0;
            foreach (var child in scan.HasLinks ? scan.Links : [])
            {
                var (url, title) = child switch
                {
                    LinkInline { IsImage: false } link => (link.Url, InlineText.Of(link)),
                    AutolinkInline { IsEmail: false } auto => (auto.Url, auto.Url),
                    _ => (null, string.Empty),
                };
                if (!string.IsNullOrWhiteSpace(url))
                {
                    var refLabel = references.Count == 0 ? label : $"{label}.{references.Count + 1}";
                    references.Add(ParseContext.CreateReference(refLabel, title.Length > 0 ? title : FallbackTitle(text, url), url));
                }
            }

            foreach (var url in scan.BareUrls)
            {
                var refLabel = references.Count == 0 ? label : $"{label}.{references.Count + 1}";
                references.Add(ParseContext.CreateReference(refLabel, FallbackTitle(text, url), url));
            }
        }

        if (references.Count == 0)
        {
            var (code, message) = hasText
                ? (ParseWarningCodes.DefinitionNoLink, $"Footnote [^{label}] has text but no link.")
                : (ParseWarningCodes.DefinitionEmpty, $"Footnote [^{label}] is empty.");
            context.Warn(code, message, line);
        }

        return references;
    }

    private static bool IsOnlyBackLinksAfter(Inline first)
    {
        for (var next = first.NextSibling; next is not null; next = next.NextSibling)
        {
            var filler = next is FootnoteLink { IsBackLink: true } || (next is LiteralInline literal && literal.Content.IsEmptyOrWhitespace());
            if (!filler)
            {
                return false;
            }
        }

        return true;
    }

    private static string FallbackTitle(string text, string url)
    {
        var rest = text.Replace(url, string.Empty, StringComparison.Ordinal).Trim(' ', ':', '-', '–', '—');
        return rest.Length > 0 ? rest : url;
    }

    private sealed record Definition(string Label, int Line, List<Reference> References);
}
