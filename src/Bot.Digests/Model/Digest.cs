namespace Bot.Digests.Model;

/// <summary>One parsed digest: its metadata, its sections of entries, and what the parser warned about.</summary>
/// <param name="Id">Stable id: from a <c>yyyy-MM-dd-slug</c> file name, else from date and title.</param>
/// <param name="Slug">The slug used for the public URL (file name without date prefix and extension), or null.</param>
/// <param name="Permalink">The front matter <c>permalink</c>, when present; it wins over <see cref="Slug"/>.</param>
/// <param name="Summary">Briefing intro and viewpoint, or the sectioned digest's description/intro paragraph.</param>
public sealed record Digest(
    string Id,
    string Title,
    DateOnly? Date,
    DigestFormat Format,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Categories,
    string? Author,
    string? Description,
    string? Summary,
    string? Slug,
    string? Permalink,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<ParseWarning> Warnings)
{
    /// <summary>All entries in document order.</summary>
    public IEnumerable<Entry> Entries => Sections.SelectMany(s => s.Entries);
}
