namespace Bot.Digests.Parsing;

/// <summary>An entry while it is being read; becomes an <see cref="Entry"/> once ids are known.</summary>
internal sealed class EntryDraft(string title, int line, SectionDraft section)
{
    public string Title { get; set; } = title;

    public int Line { get; } = line;

    public SectionDraft Section { get; } = section;

    /// <summary>A briefing topic bullet whose references are its sub-bullets' links (not checked for duplicates).</summary>
    public bool IsRollup { get; init; }

    public List<Bullet> Bullets { get; } = [];

    public List<DigestImage> Images { get; } = [];

    public List<Reference> References { get; } = [];

    /// <summary>The line each of <see cref="References"/> was cited or defined on.</summary>
    public List<int> ReferenceLines { get; } = [];

    // A set beside the list: deduplicating by scanning the list made an entry with n references cost O(n²).
    private readonly HashSet<string> _canonicalUrls = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="reference"/> unless the entry already cites the same canonical URL.</summary>
    public void AddReference(Reference reference, int line)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (_canonicalUrls.Contains(reference.CanonicalUrl))
        {
            return;
        }

        _canonicalUrls.Add(reference.CanonicalUrl);
        References.Add(reference);
        ReferenceLines.Add(line);
    }

    /// <summary>Keeps the first <paramref name="max"/> references; returns how many were dropped.</summary>
    public int CutReferences(int max)
    {
        var dropped = References.Count - max;
        if (dropped <= 0)
        {
            return 0;
        }

        References.RemoveRange(max, dropped);
        ReferenceLines.RemoveRange(max, dropped);
        return dropped;
    }
}
