namespace Bot.Library;

/// <summary>The <c>search</c>/<c>papers</c> JSON shape: <c>{query, total, results[]}</c>.</summary>
public sealed record SearchResponse(string Query, int Total, IReadOnlyList<SearchResult> Results);
