using System.Globalization;
using Bot.Digests;
using Microsoft.Data.Sqlite;
using static Bot.Library.Tests.TestDigests;

namespace Bot.Library.Tests;

/// <summary>
/// The in-memory intersection of common MATCH atoms must return exactly FTS5's AND, also after the library changes.
/// A small threshold (atoms in more than 12 entries are "common") makes most atoms of a generated library common.
/// </summary>
public sealed class MatchCacheTests
{
    private const int Small = 12;

    private static readonly string[] Korean = ["클러스터", "질의응답", "임베딩", "챗봇", "추론", "강화학습", "저작권", "증강", "모델", "서버예측", "번역", "편향", "통역", "온디바이스", "요약"];
    private static readonly string[] English = ["model", "token", "robustness", "serving", "ranking", "mistral", "gemma", "agent", "time-series", "RAG", "GPU", "planning"];

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
                Assert.Equal(Raw(connection, match, max, false, long.MaxValue), ascending);
            }

            if (descending is not null)
            {
                Assert.Equal(Raw(connection, match, max, true, before), descending);
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
        var first = Generate(0, new Random(100));

        // Entries removed only (deletes: tombstones in FTS5), then titles changed (delete + insert), then a new digest.
        await temp.Library.StoreDigestAsync(first with { Sections = [first.Sections[0] with { Entries = first.Sections[0].Entries.Take(10).ToArray() }] });
        AssertSame("after removing entries");
        await temp.Library.StoreDigestAsync(first with
        {
            Sections = [first.Sections[0] with { Entries = first.Sections[0].Entries.Take(10).Select(e => e with { Title = "클러스터질의응답 챗봇 " + e.Title }).ToArray() }],
        });
        AssertSame("after changing titles");
        await temp.Library.StoreDigestAsync(Generate(7, new Random(107)));
        AssertSame("after adding a digest");
    }

    private static string Describe(SearchResponse response)
        => $"{response.Total} {response.TotalIsLowerBound}: " + string.Join(" | ", response.Results.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.EntryId} {r.Score:0.####} [{string.Join(",", r.AlsoIn.Select(a => a.EntryId))}]")));

    private static List<long> Raw(SqliteConnection connection, string match, int max, bool descending, long before)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q AND rowid < @before ORDER BY rowid {(descending ? "DESC" : "ASC")} LIMIT @max";
        command.Parameters.AddWithValue("@q", match);
        command.Parameters.AddWithValue("@before", before);
        command.Parameters.AddWithValue("@max", max);
        var rows = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(reader.GetInt64(0));
        }

        return rows;
    }

    private static long RandomRowid(SqliteConnection connection, Random random)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM entries ORDER BY rowid LIMIT 1 OFFSET @k";
        command.Parameters.AddWithValue("@k", random.Next(300));
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    // Words drawn with a strong skew, so that some atoms are in most entries and others in a few.
    private static string Word(Random random, string[] words) => words[(int)(words.Length * Math.Pow(random.NextDouble(), 2.5))];

    private static string Phrase(Random random) => random.Next(4) switch
    {
        0 => Word(random, Korean) + Word(random, Korean),
        1 => Word(random, English),
        2 => Word(random, Korean) + (random.Next(2) == 0 ? "을" : "의"),
        _ => Word(random, Korean),
    };

    private static IEnumerable<(string Text, List<string> Filter)> Queries(int count, Random random)
    {
        for (var k = 0; k < count; k++)
        {
            var words = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Phrase(random)).ToList();
            if (random.Next(10) == 0)
            {
                words.Add("zebra" + random.Next(5).ToString(CultureInfo.InvariantCulture));
            }

            List<string> filter = random.Next(5) == 0 ? ["{meta} : \"" + DigestWriter.PaperToken + "\""] : [];
            yield return (string.Join(' ', words), filter);
        }
    }

    private static Digest Generate(int d, Random random)
    {
        var date = new DateOnly(2024, 3, 1).AddDays(d * 3);
        var id = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "-gen";
        Entry Make(string section, int i) => Entry($"{id}/{section}/{i}",
            string.Join(' ', Enumerable.Range(0, 2 + random.Next(3)).Select(_ => Phrase(random))),
            [.. Enumerable.Range(0, 1 + random.Next(2)).Select(_ => string.Join(' ', Enumerable.Range(0, 3 + random.Next(4)).Select(_ => Phrase(random))))],
            section == "papers"
                ? Arxiv($"2403.{d:D2}{i % 7:D3}", Phrase(random) + " study")
                : Link($"https://example.com/{d}/{i}", Phrase(random)));
        return Digest(id, $"Generated {d}", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Section("news", "News", [.. Enumerable.Range(0, 40).Select(i => Make("news", i))]),
            Section("papers", "Papers", [.. Enumerable.Range(0, 12).Select(i => Make("papers", i))]));
    }

    private static async Task<TempLibrary> CreateAsync(int digests = 6)
    {
        var temp = new TempLibrary();
        for (var d = 0; d < digests; d++)
        {
            await temp.Library.StoreDigestAsync(Generate(d, new Random(100 + d)));
        }

        return temp;
    }
}
