namespace Bot.Core.Replies;

/// <summary>A section of a digest, as posted on a schedule: its top entries in the author's order, and "+K more".</summary>
/// <param name="SectionKey">Section key, e.g. <c>papers</c>; renderers pick a colour per key.</param>
/// <param name="MoreCount">Entries not shown (the "+K more"), linking to <paramref name="DigestUrl"/>.</param>
public sealed record SectionHighlight(
    string DigestId,
    string DigestTitle,
    DateOnly? DigestDate,
    string? DigestUrl,
    string SectionKey,
    string SectionTitle,
    IReadOnlyList<HighlightItem> Items,
    int MoreCount) : Reply;
