namespace Bot.Core.Replies;

/// <summary>One entry in a highlight or overview: title, first bullet as summary, primary link.</summary>
public sealed record HighlightItem(string EntryId, string Title, string? Summary, string? Url);
