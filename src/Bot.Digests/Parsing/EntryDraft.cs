using Bot.Digests.Model;

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

    // Past a few references a set beside the list: deduplicating by scanning the list made an entry with n references
    // cost O(n²). Below that the scan is cheaper than a set per entry (most entries cite one to three links).
    private const int SetThreshold = 8;
    private HashSet<string>? _canonicalUrls;

    /// <summary>Adds <paramref name="reference"/> unless the entry already cites the same canonical URL.</summary>
    public void AddReference(Reference reference, int line)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (Cites(reference.CanonicalUrl))
        {
            return;
        }

        References.Add(reference);
        ReferenceLines.Add(line);
        if (_canonicalUrls is not null)
        {
            _canonicalUrls.Add(reference.CanonicalUrl);
        }
        else if (References.Count >= SetThreshold)
        {
            _canonicalUrls = new HashSet<string>(References.Count * 2, StringComparer.Ordinal);
            foreach (var cited in References)
            {
                _canonicalUrls.Add(cited.CanonicalUrl);
            }
        }
    }

    private bool Cites(string canonicalUrl)
    {
        if (_canonicalUrls is not null)
        {
            return _canonicalUrls.Contains(canonicalUrl);
        }

        foreach (var cited in References)
        {
            if (string.Equals(cited.CanonicalUrl, canonicalUrl, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
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
