namespace Bot.Digests.Model;

/// <summary>A link cited by an entry, with its canonical form for cross-digest matching.</summary>
/// <param name="Label">Footnote id (<c>ref-n-1</c>) or, for inline links, a generated label.</param>
/// <param name="CanonicalUrl">Tracking parameters stripped; arXiv pdf/abs folded to <c>https://arxiv.org/abs/&lt;id&gt;</c>.</param>
public sealed record Reference(
    string Label,
    string Title,
    string Url,
    string CanonicalUrl,
    ReferenceKind Kind,
    string? ArxivId,
    string? Doi);
