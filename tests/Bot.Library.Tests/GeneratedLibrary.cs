using System.Globalization;
using Bot.Digests.Model;
using Bot.Library.Storage;
using static Bot.Library.Tests.TestDigests;

namespace Bot.Library.Tests;

/// <summary>A generated Korean/English library with skewed word frequencies, and queries over it (for exactness tests of the search shortcuts).</summary>
internal static class GeneratedLibrary
{
    private static readonly string[] Korean = ["클러스터", "질의응답", "임베딩", "챗봇", "추론", "강화학습", "저작권", "증강", "모델", "서버예측", "번역", "편향", "통역", "온디바이스", "요약"];
    private static readonly string[] English = ["model", "token", "robustness", "serving", "ranking", "mistral", "gemma", "agent", "time-series", "RAG", "GPU", "planning"];

    /// <summary>Raw FTS5 row ids of entry_fts for <paramref name="match"/> below <paramref name="before"/>, at most <paramref name="max"/>.</summary>
    public static List<long> Raw(Microsoft.Data.Sqlite.SqliteConnection connection, string table, string match, int max, bool descending = false, long before = long.MaxValue)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid FROM {table} WHERE {table} MATCH @q AND rowid < @before ORDER BY rowid {(descending ? "DESC" : "ASC")} LIMIT @max";
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

    // Words drawn with a strong skew, so that some atoms are in most entries and others in a few.
    private static string Word(Random random, string[] words) => words[(int)(words.Length * Math.Pow(random.NextDouble(), 2.5))];

    public static string Phrase(Random random) => random.Next(4) switch
    {
        0 => Word(random, Korean) + Word(random, Korean),
        1 => Word(random, English),
        2 => Word(random, Korean) + (random.Next(2) == 0 ? "을" : "의"),
        _ => Word(random, Korean),
    };

    public static IEnumerable<(string Text, List<string> Filter)> Queries(int count, Random random)
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

    public static Digest GenerateDigest(int d, Random random)
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

    public static async Task<TempLibrary> CreateAsync(int digests = 6)
    {
        var temp = new TempLibrary();
        for (var d = 0; d < digests; d++)
        {
            await temp.Library.StoreDigestAsync(GenerateDigest(d, new Random(100 + d)));
        }

        return temp;
    }
}
