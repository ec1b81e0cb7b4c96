using Bot.Digests.Model;
using Markdig.Syntax;

namespace Bot.Digests.Parsing;

/// <summary>Turns drafts into the immutable model: stable ids, duplicate-reference warnings, warnings by line.</summary>
internal static class DigestAssembler
{
    private static readonly System.Buffers.SearchValues<string> BriefingWords =
        System.Buffers.SearchValues.Create(["Today", "Community", "Viewpoint"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Entries with stable ids (de-duplicated with <c>-2</c>, <c>-3</c>…), sections in document order.</summary>
    public static List<Section> BuildSections(string digestId, ParseContext context)
    {
        var entryCount = 0;
        foreach (var draft in context.Sections)
        {
            entryCount += draft.Entries.Count;
        }

        var usedIds = new HashSet<string>(entryCount, StringComparer.Ordinal);
        var sections = new List<Section>(context.Sections.Count);
        foreach (var draft in context.Sections)
        {
            var entries = new List<Entry>(draft.Entries.Count);
            foreach (var entry in draft.Entries)
            {
                var baseId = StableIds.ForEntry(digestId, draft.Key, entry.Title);
                var id = baseId;
                for (var n = 2; !usedIds.Add(id); n++)
                {
                    id = $"{baseId}-{n}";
                }

                // The drafts are discarded after this, so their lists become the entry's lists without copying.
                entries.Add(new Entry(id, entry.Title, entry.Bullets, entry.Images, entry.References, entry.Line));
            }

            if (entries.Count > 0)
            {
                sections.Add(new Section(draft.Key, draft.Title, entries));
            }
        }

        return sections;
    }

    /// <summary>Warns once for every later citation of a canonical reference already cited in the digest.</summary>
    public static void WarnDuplicateReferences(ParseContext context, bool inDocumentOrder)
    {
        var entries = new List<EntryDraft>();
        foreach (var section in context.Sections)
        {
            foreach (var entry in section.Entries)
            {
                if (!entry.IsRollup)
                {
                    entries.Add(entry);
                }
            }
        }

        if (!inDocumentOrder && !IsSortedByLine(entries))
        {
            entries = [.. entries.OrderBy(e => e.Line)];
        }

        var first = new Dictionary<string, (Reference Reference, int Line)>(entries.Count, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var reference in entry.References)
            {
                if (!first.TryGetValue(reference.CanonicalUrl, out var earlier))
                {
                    first[reference.CanonicalUrl] = (reference, entry.Line);
                    continue;
                }

                var citation = reference.Label == earlier.Reference.Label
                    ? $"[{reference.Label}] is cited again"
                    : $"[{reference.Label}] cites the same link as [{earlier.Reference.Label}] (line {earlier.Line})";
                context.Warn(
                    ParseWarningCodes.ReferenceDuplicate,
                    $"Reference '{reference.Title}' ({reference.CanonicalUrl}) appears twice: {citation}.",
                    entry.Line);
            }
        }
    }

    private static bool IsSortedByLine(List<EntryDraft> entries)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            if (entries[i].Line < entries[i - 1].Line)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the document looks like a daily briefing rather than a sectioned digest.</summary>
    public static bool IsBriefing(MarkdownDocument document, string markdown)
    {
        if (!markdown.AsSpan().ContainsAny(BriefingWords))
        {
            return false;
        }

        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: <= 3 } heading
                && MayBeBriefingHeading(markdown, heading)
                && BriefingReader.IsBriefingHeading(SectionKeys.StripSymbols(InlineText.Of(heading))))
            {
                return true;
            }
        }

        return false;
    }

    // Cheap source check first, so sectioned digests never pay for plain-text extraction here.
    private static bool MayBeBriefingHeading(string markdown, HeadingBlock heading)
    {
        var start = Math.Clamp(heading.Span.Start, 0, markdown.Length);
        var length = Math.Clamp(heading.Span.Length, 0, markdown.Length - start);
        var source = markdown.AsSpan(start, length);
        return source.ContainsAny(BriefingWords);
    }
}
