namespace Bot.Core.Replies;

/// <summary>A digest's sections with entry counts and links (for <c>/digest</c>).</summary>
public sealed record DigestOverview(
    string DigestId,
    string DigestTitle,
    DateOnly? DigestDate,
    string? DigestUrl,
    string? Summary,
    IReadOnlyList<OverviewSection> Sections) : Reply;
