namespace Bot.Library.Search;

/// <summary>Another digest entry that cites the same canonical reference.</summary>
public sealed record AlsoIn(string EntryId, string DigestId, string DigestTitle, string? DigestDate, string EntryTitle);
