using Bot.Digests.Model;
using Bot.Library.Ingestion;
using Bot.Library.Search;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;
using static Bot.Library.Tests.TestDigests;

namespace Bot.Library.Tests;

/// <summary>
/// The title-only index (title_fts, migration 0004) that broad queries, the any-word fallback and autocomplete
/// read: it follows every write of entry_fts, and a database from before it gets its existing titles indexed.
/// </summary>
public sealed class DigestLibraryTitleIndexTests
{
    private const string First = "id: 2024-01-01-first\ntitle: First\ndate: 2024-01-01\n# news | News\n* Wombat migration | wombats move north | https://example.com/wombat\n* Koala naps | koalas sleep | https://arxiv.org/abs/2305.17493\n";

    [Fact]
    public async Task TitleIndex_FollowsChangedTitles_AndRemovedEntries()
    {
        using var temp = new TempLibrary();
        temp.Library.ParseFunction = FakeParser.Parse;
        var path = temp.Write("d/first.md", First);
        await temp.Library.IngestAsync([path]);
        File.WriteAllText(path, "id: 2024-01-01-first\ntitle: First\ndate: 2024-01-01\n# news | News\n* Numbat migration | wombats move north | https://example.com/wombat\n");

        var report = await temp.Library.IngestAsync([path]);

        Assert.Equal(1, report.Updated);
        Assert.Equal(0, TitleHits(temp, "wombat"));
        Assert.Equal(0, TitleHits(temp, "koala"));
        Assert.Equal(1, TitleHits(temp, "numbat"));
        Assert.Equal(temp.Scalar("SELECT COUNT(*) FROM entries"), temp.Scalar("SELECT COUNT(*) FROM title_fts"));
        Fts5Figures.AssertKept(temp.Database);
        Assert.Equal(["Numbat migration"], await temp.Library.SuggestTitlesAsync("numbat"));
        Assert.Empty(await temp.Library.SuggestTitlesAsync("koala"));
    }

    [Fact]
    public async Task TitleIndex_IsUntouched_WhenAWriteFailsHalfway()
    {
        using var temp = new TempLibrary();
        await temp.Library.StoreDigestAsync(SearchCorpus.Old);
        await temp.Library.StoreDigestAsync(SearchCorpus.New);
        var news = SearchCorpus.Old.Sections[0];
        var broken = SearchCorpus.Old with
        {
            Sections =
            [
                news with
                {
                    Entries =
                    [
                        news.Entries[0] with { Title = "Rewritten platypus title" },
                        news.Entries[0] with { Id = "new/news/1", Title = "Duplicate id" },
                    ],
                },
            ],
        };

        await Assert.ThrowsAsync<SqliteException>(() => temp.Library.StoreDigestAsync(broken));

        Assert.Equal(0, TitleHits(temp, "platypus"));
        Assert.Equal(1, TitleHits(temp, "\"" + news.Entries[0].Title.Split(' ')[0].ToLowerInvariant() + "\""));
        Assert.Equal(temp.Scalar("SELECT COUNT(*) FROM entries"), temp.Scalar("SELECT COUNT(*) FROM title_fts"));
        Fts5Figures.AssertKept(temp.Database);
    }

    [Fact]
    public async Task TitleIndex_IsUntouched_WhenAnIngestedDigestFailsHalfway()
    {
        using var temp = new TempLibrary();
        temp.Library.ParseFunction = FakeParser.Parse;
        var path = temp.Write("d/first.md", First);
        await temp.Library.IngestAsync([path]);
        await temp.Library.StoreDigestAsync(FakeParser.Parse("id: 2024-02-01-second\ntitle: Second\n# papers | Papers\n* Recursion curse | collapse | https://arxiv.org/abs/2305.17493\n", "second.md"));
        // The second entry's id belongs to another digest: the batch fails after the first entry was written, then the digest alone fails.
        temp.Library.ParseFunction = (text, name) =>
        {
            var digest = FakeParser.Parse(text, name);
            var section = digest.Sections[0];
            return digest with { Sections = [section with { Entries = [section.Entries[0] with { Title = "Half written" }, section.Entries[1] with { Id = "2024-02-01-second/papers/1" }] }] };
        };
        File.WriteAllText(path, First.Replace("Koala naps", "Koala naps again", StringComparison.Ordinal));

        var report = await temp.Library.IngestAsync([path]);

        Assert.Equal(IngestOutcome.Failed, Assert.Single(report.Files).Outcome);
        Assert.Equal(0, TitleHits(temp, "half"));
        Assert.Equal(1, TitleHits(temp, "wombat"));
        Assert.Equal(1, TitleHits(temp, "koala"));
        Assert.Equal(temp.Scalar("SELECT COUNT(*) FROM entries"), temp.Scalar("SELECT COUNT(*) FROM title_fts"));
        Fts5Figures.AssertKept(temp.Database);
    }

    [Fact]
    public async Task Migration_IndexesTheTitlesOfADatabaseFromBeforeIt()
    {
        using var temp = new TempLibrary();
        await temp.Library.StoreDigestAsync(SearchCorpus.Old);
        await temp.Library.StoreDigestAsync(SearchCorpus.New);
        var papers = temp.Scalar("SELECT COUNT(*) FROM entries WHERE is_paper = 1");
        using (var connection = temp.Database.Open())
        using (var downgrade = connection.CreateCommand())
        {
            downgrade.CommandText = "DROP TABLE title_fts; DELETE FROM schema_version WHERE version = 4;";
            downgrade.ExecuteNonQuery();
        }

        var reopened = new DigestLibrary(new BotDatabase(Path.GetDirectoryName(temp.Database.FilePath)!), new LibraryOptions(), null, TimeProvider.System, null);

        Assert.Contains("LLM 추론을 위한 효율적인 Scaling", await reopened.SuggestTitlesAsync("추론"));
        Assert.Equal(temp.Scalar("SELECT COUNT(*) FROM entries"), temp.Scalar("SELECT COUNT(*) FROM title_fts"));
        Fts5Figures.AssertKept(temp.Database);
        Assert.Equal(papers, temp.Scalar("SELECT COUNT(*) FROM title_fts WHERE title_fts MATCH '{meta} : kpaper'"));
        // Migration 4 ran; later migrations (feeds: 9) may follow it.
        Assert.True(temp.Database.SchemaVersion() >= 4);
    }

    [Fact]
    public async Task Search_RanksTitleHitFirst_WhenATermIsTooCommonForBm25()
    {
        using var temp = new TempLibrary();
        // "common" is in more entries than NarrowRanker.CheapDf, so "common wombat" is ranked in C#, not by bm25().
        for (var d = 0; d < 5; d++)
        {
            var id = $"2024-0{d + 1}-01-filler";
            var entries = Enumerable.Range(0, (NarrowRanker.CheapDf / 5) + 20)
                .Select(i => Entry($"{id}/news/{i}", $"Report {d}-{i}", [$"A common note {i}."])).ToArray();
            await temp.Library.StoreDigestAsync(Digest(id, $"Filler {d}", $"2024-0{d + 1}-01", Section("news", "News", entries)));
        }

        await temp.Library.StoreDigestAsync(Digest("2024-07-01-wombats", "Wombats", "2024-07-01", Section("news", "News",
            Entry("w/new-body", "Field notes", ["A common wombat sighting, wombat again."]),
            Entry("w/title", "Wombat burrows", ["A common burrow."]),
            Entry("w/other", "Unrelated", ["Nothing here."]))));
        await temp.Library.StoreDigestAsync(Digest("2024-06-01-wombats", "Older wombats", "2024-06-01", Section("news", "News",
            Entry("w/old-body", "Older field notes", ["A common wombat."]))));

        var response = await temp.Library.SearchAsync(new SearchRequest("common wombat"));

        Assert.Equal(["w/title", "w/new-body", "w/old-body"], response.Results.Select(r => r.EntryId));
        Assert.Equal(3, response.Total);
        Assert.True(response.Results[0].Score > response.Results[1].Score);
    }

    private static long TitleHits(TempLibrary temp, string match)
        => temp.Scalar($"SELECT COUNT(*) FROM title_fts WHERE title_fts MATCH '{{title}} : {match.Replace("'", "''", StringComparison.Ordinal)}'");
}
