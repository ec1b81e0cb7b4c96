using System.Globalization;

namespace Bot.Library.Search;

/// <summary>The <c>search</c>/<c>papers</c> JSON shape: <c>{query, total, results[]}</c>.</summary>
public sealed record SearchResponse(string Query, int Total, IReadOnlyList<SearchResult> Results)
{
    /// <summary>True when more entries match than were counted: <see cref="Total"/> is the counting cap, a lower bound.</summary>
    public bool TotalIsLowerBound { get; init; }

    /// <summary>The total as people read it: <c>12</c>, <c>1,204</c>, or <c>1,000+</c> when it is a lower bound.</summary>
    public static string FormatTotal(int total, bool lowerBound) =>
        total.ToString("N0", CultureInfo.InvariantCulture) + (lowerBound ? "+" : string.Empty);
}
