using Bot.Digests.Model;


namespace Bot.Library.Search;

/// <summary>A reference of an entry, with the other digests that cite the same canonical URL.</summary>
public sealed record CitedReference(Reference Reference, IReadOnlyList<AlsoIn> AlsoIn);
