using Bot.Digests.Model;
using Bot.Library.Ingestion;
using Bot.Library.Search;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;
using static Bot.Library.Tests.GeneratedLibrary;
using static Bot.Library.Tests.TestDigests;

namespace Bot.Library.Tests.Storage;

/// <summary>
/// Issue 11: the title figures BM25 needs (each title's length, the number of titles, their total length) are kept by the
/// writer in its own tables, and equal FTS5's own figures (read through fts5vocab, <see cref="Fts5Figures"/>) after every
/// kind of write, including titles whose characters FTS5 splits or drops.
/// </summary>
public sealed class TitleLengthsTests
{
    // Devanagari and Thai (combining marks split words for unicode61), a combining acute that continues a word and a combining
    // low line that ends one, a katakana middle dot (a separator), Greek, an emoji, punctuation only, empty, and plain Latin.
    private static readonly string[] OddTitles =
    [
        "हिन्दी समाचार सारांश", "ภาษาไทย ข่าว", "x\u0301y tokens", "x\u0332y tokens", "ア・イ 뉴스", "・", "αβγ Ωmega model", "🚀 launch notes", "!!!", string.Empty,
        "Café naïve résumé",
    ];

    [Fact]
    public void Plain_CountsEveryPlainCharacter_AsFts5Does()
    {
        SqliteNative.EnsureInitialized();
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"CREATE VIRTUAL TABLE t USING fts5 (title, content = '', tokenize = '{TitleLengths.Tokenizer}');" +
            "CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);";
        command.ExecuteNonQuery();
        var plain = new List<char>();
        using (var transaction = connection.BeginTransaction())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO t (rowid, title) VALUES (@r, @t)";
            var rowid = command.Parameters.Add(new SqliteParameter("@r", null));
            var text = command.Parameters.Add(new SqliteParameter("@t", null));
            for (var c = (char)1; c < char.MaxValue; c++)
            {
                if (!char.IsSurrogate(c) && TitleLengths.IsPlain(c))
                {
                    plain.Add(c);
                    rowid.Value = (long)c;
                    text.Value = $"{c} {c}{c}";
                    command.ExecuteNonQuery();
                }
            }

            transaction.Commit();
        }

        command.Transaction = null;
        command.Parameters.Clear();
        command.CommandText = "SELECT doc, COUNT(*) FROM v GROUP BY doc";
        var counted = new Dictionary<long, long>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                counted[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }

        // Hangul syllables and CJK ideographs alone are 32,074 characters.
        Assert.True(plain.Count > 32_000, $"only {plain.Count} plain characters");
        Assert.Empty(plain.Where(c => counted.GetValueOrDefault(c) != 2).Select(c => $"U+{(int)c:X4}"));
        Assert.All(plain, c => Assert.Equal(2, TitleLengths.Plain($"{c} {c}{c}")));
    }

    [Fact]
    public async Task Tokenizer_IsTheTitleIndexs()
    {
        using var temp = new TempLibrary();
        await temp.Library.StoreDigestAsync(SearchCorpus.Old);
        using var connection = temp.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_schema WHERE name = 'title_fts'";

        Assert.Contains($"tokenize = '{TitleLengths.Tokenizer}'", (string)command.ExecuteScalar()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_AreFts5s_ForTitlesFts5SplitsOrDrops()
    {
        using var temp = new TempLibrary();

        await temp.Library.StoreDigestAsync(OddDigest("2024-05-01-odd", "2024-05-01", OddTitles));

        Fts5Figures.AssertKept(temp.Database);
        var texts = OddTitles.Select(EntryRows.TitleTokens).ToList();
        Assert.Contains(texts, t => TitleLengths.Plain(t) is null);
        Assert.Contains(texts, t => TitleLengths.Plain(t) is not null);
        // Counting the indexed words would be wrong for some: FTS5 splits "हिन्दी" at its combining marks and drops "・".
        using var connection = temp.Database.Open();
        var fts5 = Fts5Figures.TitleLengths(connection).Values.Sum();
        Assert.NotEqual(texts.Sum(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length), fts5);
    }

    [Fact]
    public async Task Figures_AreFts5s_AfterIngestReingestChangeAndRemoval()
    {
        using var temp = new TempLibrary();
        for (var d = 0; d < 3; d++)
        {
            await temp.Library.StoreDigestAsync(GenerateDigest(d, new Random(100 + d)));
        }

        await temp.Library.StoreDigestAsync(OddDigest("2024-05-01-odd", "2024-05-01", OddTitles));
        Fts5Figures.AssertKept(temp.Database);

        // Many digests in one transaction (the ingestor's batches, the cluster copy's sync).
        await temp.Library.StoreDigestsAsync([.. Enumerable.Range(3, 3).Select(d => GenerateDigest(d, new Random(100 + d)))]);
        Fts5Figures.AssertKept(temp.Database);

        // Re-ingesting the same digest changes nothing.
        var generation = temp.Scalar("SELECT value FROM search_generation");
        Assert.Equal(IngestOutcome.Unchanged, await temp.Library.StoreDigestAsync(GenerateDigest(0, new Random(100))));
        Assert.Equal(generation, temp.Scalar("SELECT value FROM search_generation"));
        Fts5Figures.AssertKept(temp.Database);

        // A correction: retitled entries (some to titles FTS5 splits), removed entries, a new one.
        var changed = GenerateDigest(1, new Random(101));
        var news = changed.Sections[0];
        changed = changed with
        {
            Sections =
            [
                news with
                {
                    Entries =
                    [
                        .. news.Entries.Take(10).Select((e, i) => e with { Title = OddTitles[i % OddTitles.Length] + " " + e.Title }),
                        .. news.Entries.Skip(10).Take(15),
                        Entry("2024-03-04-gen/news/new", "A new entry with a longer title than most of them", ["body"]),
                    ],
                },
                changed.Sections[1],
            ],
        };
        Assert.Equal(IngestOutcome.Updated, await temp.Library.StoreDigestAsync(changed));
        Fts5Figures.AssertKept(temp.Database);

        // Every entry of a digest removed, and the odd digest cut to one entry, in one batch with a new digest.
        var emptied = GenerateDigest(2, new Random(102)) with { Sections = [] };
        var odd = OddDigest("2024-05-01-odd", "2024-05-01", OddTitles[..1]);
        var report = await temp.Library.StoreDigestsAsync([emptied, odd, GenerateDigest(6, new Random(106))]);
        Assert.Equal(new[] { IngestOutcome.Updated, IngestOutcome.Updated, IngestOutcome.Added }, report.Files.Select(f => f.Outcome));
        Fts5Figures.AssertKept(temp.Database);
        Assert.Equal(temp.Scalar("SELECT COUNT(*) FROM entries"), temp.Scalar("SELECT titles FROM search_generation"));
    }

    [Fact]
    public async Task Migration_CountsTheTitlesOfADatabaseFromBeforeIt()
    {
        using var temp = new TempLibrary();
        for (var d = 0; d < 3; d++)
        {
            await temp.Library.StoreDigestAsync(GenerateDigest(d, new Random(100 + d)));
        }

        await temp.Library.StoreDigestAsync(OddDigest("2024-05-01-odd", "2024-05-01", OddTitles));
        var generation = temp.Scalar("SELECT value FROM search_generation");
        using (var connection = temp.Database.Open())
        using (var downgrade = connection.CreateCommand())
        {
            // Schema version 14: no title_lengths, search_generation holds the generation only.
            downgrade.CommandText =
                "DROP TABLE title_lengths; DROP TABLE published_unplanned; ALTER TABLE search_generation DROP COLUMN titles; ALTER TABLE search_generation DROP COLUMN title_tokens;" +
                "DELETE FROM schema_version WHERE version >= 15;";
            downgrade.ExecuteNonQuery();
        }

        var reopened = new BotDatabase(Path.GetDirectoryName(temp.Database.FilePath)!);

        Assert.True(reopened.SchemaVersion() >= 15);
        Fts5Figures.AssertKept(reopened);
        Assert.True(temp.Scalar("SELECT value FROM search_generation") > generation);
        var library = new DigestLibrary(reopened, new LibraryOptions(), null, TimeProvider.System, null);
        Assert.NotEmpty((await library.SearchAsync(new SearchRequest("launch"))).Results);
    }

    private static Digest OddDigest(string id, string date, string[] titles)
        => Digest(id, "Odd titles", date, Section("news", "News", [.. titles.Select((t, i) => Entry($"{id}/news/{i}", t, ["odd body " + i]))]));
}
