using System.Globalization;
using Bot.Digests.Model;
using Bot.Library.Search;
using Microsoft.Data.Sqlite;
using static Bot.Library.Tests.GeneratedLibrary;

namespace Bot.Library.Tests;

/// <summary>
/// The in-memory intersection of common MATCH atoms must return exactly FTS5's AND, also after the library changes.
/// A small threshold (atoms in more than 12 entries are "common") makes most atoms of a generated library common.
/// </summary>
public sealed class MatchCacheTests
{
    private const int Small = 12;

    [Fact]
    public async Task MatchAll_ReturnsFts5sAnd_ForManyQueries()
    {
        using var temp = await CreateAsync();
        var cache = new MatchCache(Small);
        using var connection = temp.Database.Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        var view = cache.Open(connection);
        var random = new Random(11);
        var intersected = 0;

        foreach (var (text, filter) in Queries(250, random))
        {
            var query = FtsQuery.Parse(text);
            var atoms = query.Atoms.Concat(filter).ToList();
            var match = string.Join(" AND ", atoms.Select(a => "(" + a + ")"));
            var before = random.Next(3) == 0 ? long.MaxValue : RandomRowid(connection, random);
            var max = random.Next(4) == 0 ? 3 : 1_000;

            var ascending = view.MatchAll(atoms, max);
            var descending = view.MatchAll(atoms, max, descending: true, before);

            if (ascending is not null)
            {
                intersected++;
                Assert.Equal(Raw(connection, "entry_fts", match, max), ascending);
            }

            if (descending is not null)
            {
                Assert.Equal(Raw(connection, "entry_fts", match, max, descending: true, before), descending);
            }
        }

        Assert.True(intersected > 150, $"only {intersected} queries went through the cache");
    }

    [Fact]
    public async Task Search_ReturnsTheSameResults_WithAndWithoutBitmaps()
    {
        using var temp = await CreateAsync();
        var withBitmaps = new SearchEngine((_, _) => null, Small);
        var plain = new SearchEngine((_, _) => null, int.MaxValue);
        var random = new Random(5);
        using var connection = temp.Database.Open();

        foreach (var (text, filter) in Queries(200, random))
        {
            var request = new SearchRequest(text, filter.Count > 0 && random.Next(2) == 0 ? "papers" : null, filter.Count > 0, Limit: 10, Offset: random.Next(3) == 0 ? 10 : 0);
            Assert.Equal(Describe(plain.Search(connection, request)), Describe(withBitmaps.Search(connection, request)));
        }
    }

    [Theory]
    [InlineData(Small)]
    [InlineData(int.MaxValue)]
    public async Task Search_ReturnsTheSameResults_WhenItAnswersFromMemoisedMatches(int commonDf)
    {
        using var temp = await CreateAsync();
        var warm = new SearchEngine((_, _) => null, commonDf);
        var random = new Random(8);
        using var connection = temp.Database.Open();
        var requests = Queries(150, random)
            .Select(q => new SearchRequest(q.Text, Section: null, PapersOnly: q.Filter.Count > 0 && random.Next(2) == 0, Limit: 10, Offset: random.Next(3) == 0 ? 10 : 0))
            .ToList();
        requests.AddRange(new[] { "token-robustness", "\"model token\"", "time-series", "클러스터질의응답" }.Select(q => new SearchRequest(q)));
        foreach (var request in requests)
        {
            warm.Search(connection, request);
        }

        // Every match list, title hit list and count is now memoised in the warm engine; a fresh one reads them from FTS5.
        foreach (var request in requests)
        {
            var fresh = new SearchEngine((_, _) => null, commonDf);
            Assert.True(Describe(fresh.Search(connection, request)) == Describe(warm.Search(connection, request)), request.Query);
        }
    }

    [Fact]
    public async Task Search_SeesEveryChange_AfterTheCacheWasWarm()
    {
        using var temp = await CreateAsync(digests: 3);
        var withBitmaps = new SearchEngine((_, _) => null, Small);
        var queries = Queries(80, new Random(3)).Select(q => new SearchRequest(q.Text, Limit: 20)).ToList();
        queries.Add(new SearchRequest("클러스터질의응답 챗봇", Limit: 50));

        void AssertSame(string step)
        {
            var plain = new SearchEngine((_, _) => null, int.MaxValue);
            using var connection = temp.Database.Open();
            foreach (var request in queries)
            {
                var expected = Describe(plain.Search(connection, request));
                Assert.True(expected == Describe(withBitmaps.Search(connection, request)), $"{step}: {request.Query}");
            }
        }

        AssertSame("initial");
        var first = GenerateDigest(0, new Random(100));

        // Entries removed only (deletes: tombstones in FTS5), then titles changed (delete + insert), then a new digest.
        await temp.Library.StoreDigestAsync(first with { Sections = [first.Sections[0] with { Entries = first.Sections[0].Entries.Take(10).ToArray() }] });
        AssertSame("after removing entries");
        await temp.Library.StoreDigestAsync(first with
        {
            Sections = [first.Sections[0] with { Entries = first.Sections[0].Entries.Take(10).Select(e => e with { Title = "클러스터질의응답 챗봇 " + e.Title }).ToArray() }],
        });
        AssertSame("after changing titles");
        await temp.Library.StoreDigestAsync(GenerateDigest(7, new Random(107)));
        AssertSame("after adding a digest");
    }

    [Fact]
    public async Task Generation_MovesWithEveryIndexWrite_AndNotWhenNothingChanged()
    {
        using var temp = await CreateAsync(digests: 2);
        long Generation()
        {
            using var connection = temp.Database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM search_generation";
            return (long)command.ExecuteScalar()!;
        }

        var digest = GenerateDigest(0, new Random(100));
        var start = Generation();
        await temp.Library.StoreDigestAsync(digest); // unchanged: the cache stays warm
        var unchanged = Generation();
        await temp.Library.StoreDigestAsync(digest with { Sections = [digest.Sections[0] with { Entries = digest.Sections[0].Entries.Take(5).ToArray() }] });
        var changed = Generation();

        Assert.True(start > 0, "ingesting the library wrote the indexes without moving the generation");
        Assert.Equal(start, unchanged);
        Assert.True(changed > unchanged, "a write that changed the indexes left the generation where it was");
    }

    private static string Describe(SearchResponse response)
        => $"{response.Total} {response.TotalIsLowerBound}: " + string.Join(" | ", response.Results.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.EntryId} {r.Score:0.####} [{string.Join(",", r.AlsoIn.Select(a => a.EntryId))}]")));

    private static long RandomRowid(SqliteConnection connection, Random random)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM entries ORDER BY rowid LIMIT 1 OFFSET @k";
        command.Parameters.AddWithValue("@k", random.Next(300));
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
