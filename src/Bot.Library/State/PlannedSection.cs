namespace Bot.Library.State;

/// <summary>A section to enter in the ledger: its key, its place in the digest and when it falls due.</summary>
public sealed record PlannedSection(string SectionKey, int Position, DateTimeOffset DueAt);
