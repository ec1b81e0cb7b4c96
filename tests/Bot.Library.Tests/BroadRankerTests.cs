using Bot.Library.Search;
using Microsoft.Data.Sqlite;
using static Bot.Library.Tests.GeneratedLibrary;

namespace Bot.Library.Tests;

/// <summary>The title hits and lengths the broad ranking reads, built from memoised title hits, are those of FTS5's own title match.</summary>
public sealed class BroadRankerTests
{
    [Fact]
    public async Task TitleLengths_ListsTheTitleHitsOfFts5sOr_WithTheirLengths()
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

            var lengths = BroadRanker.TitleLengths(connection, termHits);

            AssertSameAsFts5(connection, titleAny, lengths);
            hits += lengths.Count;
        }

        Assert.True(hits > 500, $"only {hits} title hits");
    }

    [Fact]
    public async Task TitleLengths_ListsTheTitleHitsOfFts5sAnd_WithTheirLengths()
    {
        using var temp = await CreateAsync();
        using var connection = temp.Database.Open();
        var view = new MatchCache(12).Open(connection);
        var hits = 0;

        foreach (var (text, filter) in Queries(150, new Random(6)))
        {
            var titleAll = FtsQuery.Parse(text).TitleAll + string.Concat(filter.Select(f => " AND " + f));

            // Twice: the second call reads the memoised title hits.
            var first = BroadRanker.TitleLengths(connection, [view.Rowids(FtsStats.TitleIndex, titleAll, SearchEngine.ExactLimit + 1)]);
            var lengths = BroadRanker.TitleLengths(connection, [view.Rowids(FtsStats.TitleIndex, titleAll, SearchEngine.ExactLimit + 1)]);

            Assert.Equal(first.OrderBy(p => p.Key), lengths.OrderBy(p => p.Key));
            AssertSameAsFts5(connection, titleAll, lengths);
            hits += lengths.Count;
        }

        Assert.True(hits > 200, $"only {hits} title hits");
    }

    // FTS5's own answer: the first 601 title_fts matches, and each one's length as FTS5 counts it (fts5vocab).
    private static void AssertSameAsFts5(SqliteConnection connection, string match, Dictionary<long, int> lengths)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM title_fts WHERE title_fts MATCH @q LIMIT 601";
        command.Parameters.AddWithValue("@q", match);
        var all = Fts5Figures.TitleLengths(connection);
        var expected = new Dictionary<long, int>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                expected[reader.GetInt64(0)] = (int)all[reader.GetInt64(0)];
            }
        }

        Assert.Equal(expected.Keys.Order(), lengths.Keys.Order());
        if (expected.Count <= SearchEngine.ExactLimit)
        {
            Assert.Equal(expected.OrderBy(p => p.Key), lengths.OrderBy(p => p.Key));
        }
    }
}
