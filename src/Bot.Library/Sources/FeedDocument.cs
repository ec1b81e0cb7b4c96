namespace Bot.Library.Sources;

/// <summary>A parsed feed: its format (<c>rss</c> or <c>atom</c>), items in feed order, and how many were left for later.</summary>
internal sealed record FeedDocument(string Kind, IReadOnlyList<FeedItem> Items, int Skipped);
