namespace Bot.Core.Replies;

/// <summary>One section line of a <see cref="DigestOverview"/>.</summary>
public sealed record OverviewSection(string Key, string Title, int EntryCount, string? Url);
