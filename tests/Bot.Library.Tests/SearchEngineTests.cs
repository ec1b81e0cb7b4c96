using Bot.Library.Search;

using static Bot.Library.Tests.GeneratedLibrary;

namespace Bot.Library.Tests;

/// <summary>The any-word fallback's count gives what FTS5's OR gives.</summary>
public sealed class SearchEngineTests
{
    [Fact]
    public async Task CountAny_EqualsFts5sOrCount_UpToTheCap()
    {
        using var temp = await CreateAsync();
        using var connection = temp.Database.Open();
        var view = new MatchCache(12).Open(connection);
        var random = new Random(9);
        var capped = 0;

        foreach (var (text, filter) in Queries(250, random))
        {
            var query = FtsQuery.Parse(text);
            var cap = new[] { 3, 40, 1_000 }[random.Next(3)];
            var any = "(" + query.Any + ")" + string.Concat(filter.Select(f => " AND " + f));

            var count = SearchEngine.CountAny(view, query, filter, filter.Count == 0 ? null : string.Join(" AND ", filter), cap);

            Assert.True(Raw(connection, "entry_fts", any, cap).Count == count, $"{text} (cap {cap})");
            capped += count == cap ? 1 : 0;
        }

        Assert.InRange(capped, 20, 230);
    }
}
