namespace Bot.Library.Search;

/// <summary>The <c>refs</c> answer: the best-matching entry and its references, each with where else it was cited.</summary>
public sealed record RefsResponse(string Query, SearchResult Entry, IReadOnlyList<CitedReference> References);
