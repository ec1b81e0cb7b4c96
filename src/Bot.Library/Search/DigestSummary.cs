namespace Bot.Library.Search;

/// <summary>A stored digest as listed: newest first.</summary>
public sealed record DigestSummary(string Id, string Title, DateOnly? Date, string? Url, int EntryCount);
