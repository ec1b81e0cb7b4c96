using static Bot.Library.Tests.GeneratedLibrary;

namespace Bot.Library.Tests;

/// <summary>The any-word title hits, built from each term's title hits, are those of FTS5's OR.</summary>
public sealed class BroadRankerTests
{
    [Fact]
    public async Task AnyTitleLengths_ListsTheTitleHitsOfFts5sOr_WithTheirLengths()
    {
        using var temp = await CreateAsync();
        using var connection = temp.Database.Open();
        var view = new MatchCache(12).Open(connection);
        var hits = 0;

        foreach (var (text, filter) in Queries(150, new Random(4)))
        {
            var query = FtsQuery.Parse(text);
            var joined = filter.Count == 0 ? null : string.Join(" AND ", filter);
            var termHits = query.Terms.Select(t => view.Rowids(FtsStats.TitleIndex, BroadRanker.TermInTitle(t, joined), SearchEngine.ExactLimit + 1)).ToList();
            var titleAny = "({title} : (" + query.Any + "))" + string.Concat(filter.Select(f => " AND " + f));
            var expected = BroadRanker.TitleLengths(connection,
                "SELECT m.rowid, z.sz FROM (SELECT rowid FROM title_fts WHERE title_fts MATCH @q LIMIT @max) m LEFT JOIN title_fts_docsize z ON z.id = m.rowid", titleAny, null);

            var lengths = BroadRanker.AnyTitleLengths(connection, termHits);

            Assert.Equal(expected.OrderBy(p => p.Key), lengths.OrderBy(p => p.Key));
            hits += lengths.Count;
        }

        Assert.True(hits > 500, $"only {hits} title hits");
    }
}
