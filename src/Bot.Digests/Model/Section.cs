namespace Bot.Digests.Model;

/// <summary>A section of a digest, such as News or Papers.</summary>
/// <param name="Key">Lowercased title, non-letter/digit runs folded to <c>-</c>: <c>deep-learning-llm</c>.</param>
public sealed record Section(string Key, string Title, IReadOnlyList<Entry> Entries);
