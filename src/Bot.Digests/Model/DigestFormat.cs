namespace Bot.Digests.Model;

/// <summary>The two layouts of digest seen in the wild.</summary>
public enum DigestFormat
{
    /// <summary>Jekyll/Chirpy post: <c>##</c> sections, <c>###</c> entries, footnote references.</summary>
    Sectioned,

    /// <summary>Daily briefing: linked bullets under overview headings, inline links as references.</summary>
    Briefing,
}
