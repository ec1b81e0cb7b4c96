using Bot.Core.Commands;
using Bot.Library.Search;


namespace Bot.Core.Replies;

/// <summary>A page of search or papers results, page <see cref="Page"/> of <see cref="PageCount"/> (1-based).</summary>
/// <param name="Command">The command that produced it (<c>search</c> or <c>papers</c>), for paging buttons.</param>
/// <param name="PagingState">Opaque, compact state for the next/previous buttons (fits a Discord custom_id).</param>
public sealed record SearchResults(
    string Command,
    string Query,
    string? Section,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyList<SearchResult> Results,
    string PagingState) : Reply
{
    /// <summary>True when <see cref="Total"/> is a lower bound (the library stops counting broad matches).</summary>
    public bool TotalIsLowerBound { get; init; }

    /// <summary><c>12</c>, <c>1,204</c> or <c>1,000+</c>.</summary>
    public string TotalText => SearchResponse.FormatTotal(Total, TotalIsLowerBound);
}
