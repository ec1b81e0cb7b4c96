using System.Text.Json;
using Bot.Digests.Model;
using Bot.Library.Ingestion;
using Microsoft.Data.Sqlite;
using static Bot.Library.Tests.TestDigests;

namespace Bot.Library.Tests;

public sealed class DigestLibraryStorageTests
{
    [Fact]
    public async Task GetDigest_RebuildsTheStoredDigestExactly()
    {
        using var temp = new TempLibrary();
        var digest = SearchCorpus.Old with
        {
            Permalink = "/posts/old/",
            Warnings = [new ParseWarning("definition-empty", "Footnote ref-pr-1 has no link", 88)],
            Sections =
            [
                .. SearchCorpus.Old.Sections,
                Section("empty", "Empty Section"),
                Section("mixed", "Mixed",
                    new Entry("old/mixed/1", "Nested bullets", [new Bullet("top", 0), new Bullet("child", 1), new Bullet("grandchild", 2), new Bullet("back", 0)],
                        [new DigestImage("fig1.png", "그림 1"), new DigestImage("fig2.png", null)],
                        [Link("https://github.com/x/y", "Code", ReferenceKind.Code, "ref-c-1"), Link("https://youtu.be/abc", "Talk", ReferenceKind.Video, "ref-c-2")], 42)),
            ],
        };
        await temp.Library.StoreDigestAsync(digest);

        var stored = await temp.Library.GetDigestAsync(digest.Id);

        Assert.NotNull(stored);
        Assert.Equal(JsonSerializer.Serialize(digest), JsonSerializer.Serialize(stored));
    }

    [Fact]
    public async Task GetDigest_ReturnsNull_ForUnknownId()
    {
        using var temp = new TempLibrary();

        Assert.Null(await temp.Library.GetDigestAsync("nope"));
        Assert.Null(await temp.Library.GetDigestAsync(""));
    }

    [Fact]
    public async Task StoreDigest_IsIdempotent()
    {
        using var temp = new TempLibrary();

        var first = await temp.Library.StoreDigestAsync(SearchCorpus.Old);
        var second = await temp.Library.StoreDigestAsync(SearchCorpus.Old);

        Assert.Equal(IngestOutcome.Added, first);
        Assert.Equal(IngestOutcome.Unchanged, second);
        Assert.Equal(1, temp.Scalar("SELECT COUNT(*) FROM digests"));
        Assert.Equal(8, temp.Scalar("SELECT COUNT(*) FROM entries"));
        Assert.Equal(8, temp.Scalar("SELECT COUNT(*) FROM entry_refs"));
    }

    [Fact]
    public async Task StoreDigest_UpdatesInPlace_KeepingIds()
    {
        using var temp = new TempLibrary();
        await temp.Library.StoreDigestAsync(SearchCorpus.Old);
        var digestRowid = temp.Scalar($"SELECT rowid FROM digests WHERE id = '{SearchCorpus.OldId}'");
        var entryRowid = temp.Scalar("SELECT rowid FROM entries WHERE id = 'old/news/1'");
        var news = SearchCorpus.Old.Sections[0];
        var changed = SearchCorpus.Old with
        {
            Title = "AI Trend January (revised)",
            Sections =
            [
                news with
                {
                    Entries =
                    [
                        news.Entries[0] with { Bullets = [new Bullet("완전히 새로운 요약 문장입니다", 0)] },
                        Entry("old/news/9", "Brand new entry about wombats", ["wombats everywhere"], Link("https://example.com/wombat", "Wombat")),
                    ],
                },
            ],
        };

        var outcome = await temp.Library.StoreDigestAsync(changed);

        Assert.Equal(IngestOutcome.Updated, outcome);
        Assert.Equal(digestRowid, temp.Scalar($"SELECT rowid FROM digests WHERE id = '{SearchCorpus.OldId}'"));
        Assert.Equal(entryRowid, temp.Scalar("SELECT rowid FROM entries WHERE id = 'old/news/1'"));
        Assert.Equal(2, temp.Scalar("SELECT COUNT(*) FROM entries"));
        Assert.Equal(["LLM 추론을 위한 효율적인 Scaling"], await temp.TitlesAsync("새로운 요약"));
        Assert.Empty(await temp.TitlesAsync("계산을 늘리는"));
        Assert.Empty(await temp.TitlesAsync("Curse of Recursion"));
        Assert.Equal(["Brand new entry about wombats"], await temp.TitlesAsync("wombats"));
        var stored = await temp.Library.GetDigestAsync(SearchCorpus.OldId);
        Assert.Equal("AI Trend January (revised)", stored!.Title);
        Assert.Equal(JsonSerializer.Serialize(changed), JsonSerializer.Serialize(stored));
    }

    [Fact]
    public async Task StoreDigest_ThatFailsHalfway_LosesNothing()
    {
        using var temp = new TempLibrary();
        await temp.Library.StoreDigestAsync(SearchCorpus.Old);
        await temp.Library.StoreDigestAsync(SearchCorpus.New);
        var before = JsonSerializer.Serialize(await temp.Library.GetDigestAsync(SearchCorpus.OldId));
        var news = SearchCorpus.Old.Sections[0];
        // The third entry takes the id of another digest's entry: the write fails after two entries were already written.
        var broken = SearchCorpus.Old with
        {
            Title = "Broken revision",
            Sections =
            [
                news with
                {
                    Entries =
                    [
                        news.Entries[0] with { Title = "Rewritten title one" },
                        Entry("old/news/77", "Half-written entry about platypus", ["platypus"]),
                        news.Entries[0] with { Id = "new/news/1", Title = "Duplicate id" },
                    ],
                },
            ],
        };

        await Assert.ThrowsAsync<SqliteException>(() => temp.Library.StoreDigestAsync(broken));

        Assert.Equal(before, JsonSerializer.Serialize(await temp.Library.GetDigestAsync(SearchCorpus.OldId)));
        Assert.Empty(await temp.TitlesAsync("platypus"));
        Assert.Contains("The Curse of Recursion", await temp.TitlesAsync("Curse of Recursion"));
        Assert.Equal(["LLM 추론을 위한 효율적인 Scaling"], await temp.TitlesAsync("추론을 위한"));
        Assert.Equal(IngestOutcome.Unchanged, await temp.Library.StoreDigestAsync(SearchCorpus.Old));
    }

    [Fact]
    public async Task StoreDigest_RejectsDuplicateEntryIds_BeforeWriting()
    {
        using var temp = new TempLibrary();
        var news = SearchCorpus.Old.Sections[0];
        var broken = SearchCorpus.Old with { Sections = [news with { Entries = [news.Entries[0], news.Entries[0]] }] };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => temp.Library.StoreDigestAsync(broken));

        Assert.Contains("old/news/1", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, temp.Scalar("SELECT COUNT(*) FROM digests"));
    }

    [Fact]
    public async Task StoreDigest_OrdersEntryRowidsByDigestDate()
    {
        using var temp = new TempLibrary();
        await temp.Library.StoreDigestAsync(SearchCorpus.New);
        await temp.Library.StoreDigestAsync(SearchCorpus.Old);

        Assert.True(temp.Scalar("SELECT MAX(rowid) FROM entries WHERE id LIKE 'old/%'") < temp.Scalar("SELECT MIN(rowid) FROM entries WHERE id LIKE 'new/%'"));
    }

    [Fact]
    public async Task ListDigests_IsNewestFirst_WithEntryCountsAndUrls()
    {
        using var temp = new TempLibrary(new LibraryOptions { Digests = { PublicUrl = "https://blog.example/posts/{slug}/" } });
        await temp.Library.StoreDigestAsync(SearchCorpus.Old);
        await temp.Library.StoreDigestAsync(SearchCorpus.Brief);
        await temp.Library.StoreDigestAsync(SearchCorpus.New);

        var list = await temp.Library.ListDigestsAsync();

        Assert.Equal([SearchCorpus.BriefId, SearchCorpus.NewId, SearchCorpus.OldId], list.Select(d => d.Id));
        Assert.Equal([2, 7, 8], list.Select(d => d.EntryCount));
        Assert.Equal("https://blog.example/posts/briefing/", list[0].Url);
    }

    [Theory]
    [InlineData("https://blog.example/posts/{slug}/", "my-post", null, "https://blog.example/posts/my-post/")]
    [InlineData("https://blog.example/posts/{slug}/", "my-post", "/2024/07/10/custom/", "https://blog.example/2024/07/10/custom/")]
    [InlineData("https://blog.example:8443/base/{slug}", "x", "relative/path", "https://blog.example:8443/relative/path")]
    [InlineData("https://blog.example/posts/{slug}/", "x", "https://other.example/p/1", "https://other.example/p/1")]
    [InlineData("https://blog.example/posts/{slug}/", null, null, null)]
    [InlineData("", "my-post", null, null)]
    [InlineData(null, "my-post", "https://other.example/p/1", "https://other.example/p/1")]
    public void PublicUrl_UsesSlug_AndPermalinkWins(string? template, string? slug, string? permalink, string? expected)
    {
        using var temp = new TempLibrary(new LibraryOptions { Digests = { PublicUrl = template } });
        var digest = SearchCorpus.Old with { Slug = slug, Permalink = permalink };

        Assert.Equal(expected, temp.Library.PublicUrl(digest));
    }

    [Fact]
    public void Database_AppliesLibraryMigration()
    {
        using var temp = new TempLibrary();

        Assert.True(temp.Database.SchemaVersion() >= 2);
        Assert.Equal(1, temp.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'entry_fts'"));
    }
}
