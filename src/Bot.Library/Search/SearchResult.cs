using Bot.Digests.Model;


namespace Bot.Library.Search;

/// <summary>One ranked entry. Results citing the same canonical reference are grouped: the others go to <see cref="AlsoIn"/>.</summary>
/// <param name="Summary">The entry's first bullet.</param>
/// <param name="DigestDate">yyyy-MM-dd, or null.</param>
/// <param name="Url">The entry's primary reference URL, else the digest's public URL.</param>
public sealed record SearchResult(
    string EntryId,
    string Title,
    string? Summary,
    string Section,
    string DigestId,
    string DigestTitle,
    string? DigestDate,
    string? Url,
    IReadOnlyList<Reference> References,
    IReadOnlyList<AlsoIn> AlsoIn,
    double Score)
{
    /// <summary>The section's display title (e.g. <c>Papers</c>), when known; <see cref="Section"/> is its key.</summary>
    public string? SectionTitle { get; init; }
}
