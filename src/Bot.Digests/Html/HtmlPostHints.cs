namespace Bot.Digests.Html;

/// <summary>What a feed item already says about a post; the page's own metadata wins where both exist.</summary>
/// <param name="Title">The item's title.</param>
/// <param name="Published">The item's published (or, failing that, updated) date.</param>
/// <param name="Categories">The item's categories.</param>
/// <param name="Link">The post's public URL, kept as the digest's permalink.</param>
public sealed record HtmlPostHints(string? Title, DateTimeOffset? Published, IReadOnlyList<string> Categories, string? Link);
