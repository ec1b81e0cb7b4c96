using Bot.Library.Search;


namespace Bot.Core.Replies;

/// <summary>The answer to <c>/refs</c>: the matched entry and its references, each with where else it was cited.</summary>
public sealed record ReferencesReply(string Query, SearchResult Entry, IReadOnlyList<CitedReference> References) : Reply;
