using Bot.Digests.Model;
using Bot.Library.Ingestion;
using Bot.Library.Search;

using static Bot.Library.Tests.TestDigests;

namespace Bot.Library.Tests;

/// <summary>Queries matching more entries than <see cref="SearchEngine.ExactLimit"/> take the bounded path; the rules still hold.</summary>
public sealed class DigestLibraryBroadSearchTests
{
    private static async Task<TempLibrary> CreateAsync(int digests = 4)
    {
        var temp = new TempLibrary();
        for (var d = 0; d < digests; d++)
        {
            var date = new DateOnly(2024, 1, 1).AddDays(d * 7);
            var id = $"{date:yyyy-MM-dd}-broad";
            var news = Enumerable.Range(0, 200).Select(i => Entry($"{id}/news/{i}", i % 50 == 0 ? $"Wombat report {d}-{i}" : $"Report {d}-{i}",
                [$"Field notes mention a wombat near site {i}."], Link($"https://example.com/{d}/{i}", "Notes"))).ToArray();
            var papers = Enumerable.Range(0, 30).Select(i => Entry($"{id}/papers/{i}", $"Paper {d}-{i}", [$"A wombat study {i}."],
                Arxiv($"2401.{d:D2}{i:D3}", "Wombat paper"))).ToArray();
            await temp.Library.StoreDigestAsync(Digest(id, $"Broad {d}", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Section("news", "News", news), Section("papers", "Papers", papers)));
        }

        return temp;
    }

    [Fact]
    public async Task BroadSearch_PutsTitleHitsFirst_NewestFirst()
    {
        using var temp = await CreateAsync();

        var response = await temp.Library.SearchAsync(new SearchRequest("wombat", Limit: 20));

        Assert.True(response.Total >= 900, $"total {response.Total}");
        var titles = response.Results.Select(r => r.Title).ToList();
        Assert.All(titles.Take(16), t => Assert.StartsWith("Wombat report", t, StringComparison.Ordinal));
        Assert.StartsWith("Wombat report 3-", titles[0], StringComparison.Ordinal);
        Assert.DoesNotContain(titles.Skip(16), t => t.StartsWith("Wombat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BroadSearch_SaysItsTotalIsALowerBound_OnlyWhenItStoppedCounting()
    {
        using var exact = await CreateAsync();
        using var capped = await CreateAsync(digests: 5);

        var counted = await exact.Library.SearchAsync(new SearchRequest("wombat"));
        var stopped = await capped.Library.SearchAsync(new SearchRequest("wombat"));

        Assert.Equal((920, false), (counted.Total, counted.TotalIsLowerBound));
        Assert.Equal((1000, true), (stopped.Total, stopped.TotalIsLowerBound));
        Assert.Equal("1,000+", SearchResponse.FormatTotal(stopped.Total, stopped.TotalIsLowerBound));
    }

    [Fact]
    public async Task BroadSearch_PagesWithoutRepeats()
    {
        using var temp = await CreateAsync();

        var first = await temp.Library.SearchAsync(new SearchRequest("wombat", Limit: 10));
        var second = await temp.Library.SearchAsync(new SearchRequest("wombat", Limit: 10, Offset: 10));

        Assert.Equal(10, second.Results.Count);
        Assert.Empty(first.Results.Select(r => r.EntryId).Intersect(second.Results.Select(r => r.EntryId)));
    }

    [Fact]
    public async Task BroadSearch_AppliesSectionAndPapersFilters()
    {
        using var temp = await CreateAsync();

        var papers = await temp.Library.SearchAsync(new SearchRequest("wombat", PapersOnly: true, Limit: 50));
        var news = await temp.Library.SearchAsync(new SearchRequest("wombat", Section: "news", Limit: 50));

        Assert.Equal(50, papers.Results.Count);
        Assert.All(papers.Results, r => Assert.Equal("papers", r.Section));
        Assert.All(news.Results, r => Assert.Equal("news", r.Section));
    }

    [Fact]
    public async Task Ingest_SameDigestTwiceInOneRun_IndexesItOnce()
    {
        using var temp = new TempLibrary();
        temp.Library.ParseFunction = FakeParser.Parse;
        temp.Write("a/one.md", "id: same\ntitle: A\n# news | News\n* Quokka smile | quokkas | https://example.com/q\n");
        temp.Write("b/one.md", "id: same\ntitle: B\n# news | News\n* Quokka grin | quokkas again | https://example.com/q\n");

        var report = await temp.Library.IngestAsync([Path.Combine(temp.Directory, "a"), Path.Combine(temp.Directory, "b")]);

        Assert.Equal([IngestOutcome.Added, IngestOutcome.Updated], report.Files.Select(f => f.Outcome));
        Assert.Equal(["Quokka grin"], await temp.TitlesAsync("quokka"));
        Assert.Equal(1, temp.Scalar("SELECT COUNT(*) FROM entry_fts WHERE entry_fts MATCH 'quokka*'"));
    }

    [Fact]
    public async Task AnyWordFallback_PutsTheTitleWithTheRarerWordFirst_ThenTitleHits_ThenBodyHits()
    {
        using var temp = new TempLibrary();
        var wombats = Enumerable.Range(0, 8).Select(i => Entry($"n/w{i}", $"Wombat note {i}", ["Field notes."])).ToArray();
        await temp.Library.StoreDigestAsync(Digest("2024-01-01-notes", "Notes", "2024-01-01", Section("news", "News",
            [Entry("n/platypus", "Platypus note", ["Field notes."]), Entry("n/body", "Field notes", ["A platypus was seen."]), .. wombats])));
        await temp.Library.StoreDigestAsync(Digest("2024-02-01-notes", "Later notes", "2024-02-01", Section("news", "News",
            Entry("m/w", "Wombat note again", ["Newer field notes."]))));

        // No entry holds both words: any word matches, title hits first (the rarer word weighs more), body-only hits last.
        var response = await temp.Library.SearchAsync(new SearchRequest("wombat platypus", Limit: 20));

        var ids = response.Results.Select(r => r.EntryId).ToList();
        Assert.Equal("n/platypus", ids[0]);
        Assert.Equal("n/body", ids[^1]);
        Assert.Equal(11, ids.Count);
        Assert.True(response.Results[0].Score > response.Results[1].Score);
    }
}
