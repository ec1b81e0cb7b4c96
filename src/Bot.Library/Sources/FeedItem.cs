namespace Bot.Library.Sources;

/// <summary>One RSS item or Atom entry: its id, links, dates, and inline body when the feed carries one.</summary>
/// <param name="ContentSource">Atom <c>content src</c>: where the whole post lives.</param>
/// <param name="Html">Inline HTML body (<c>content:encoded</c>, Atom <c>content</c>, or an RSS description).</param>
/// <param name="HtmlIsFullBody">True for <c>content:encoded</c> and inline Atom content; a description may be a summary only.</param>
internal sealed record FeedItem(
    string Id,
    string? Title,
    string? Link,
    string? ContentSource,
    DateTimeOffset? Published,
    DateTimeOffset? Updated,
    string? Html,
    bool HtmlIsFullBody,
    IReadOnlyList<string> Categories);
