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

    /// <summary>Adds <paramref name="reference"/> unless the entry already cites the same canonical URL.</summary>
    public void AddReference(Reference reference, int line)
    {
        foreach (var existing in References)
        {
            if (existing.CanonicalUrl == reference.CanonicalUrl)
            {
                return;
            }
        }

        References.Add(reference);
        ReferenceLines.Add(line);
    }
}
