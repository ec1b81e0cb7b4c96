namespace Bot.Library.Search;

/// <summary>A search over entries. Query text is never query syntax.</summary>
/// <param name="Section">Section key filter, or null for all.</param>
/// <param name="PapersOnly">Only paper entries (Papers sections, or a paper as primary reference).</param>
/// <param name="Offset">Paging offset into the ranked, grouped results.</param>
public sealed record SearchRequest(string Query, string? Section = null, bool PapersOnly = false, int Limit = 10, int Offset = 0);
