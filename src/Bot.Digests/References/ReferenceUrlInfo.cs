using Bot.Digests.Model;

namespace Bot.Digests.References;

/// <summary>What <see cref="ReferenceUrls.Analyze"/> learned about one URL.</summary>
/// <param name="CanonicalUrl">The URL for cross-digest matching (tracking stripped, arXiv/DOI/YouTube folded).</param>
public sealed record ReferenceUrlInfo(string CanonicalUrl, ReferenceKind Kind, string? ArxivId, string? Doi);
