using System.Text.Json;
using Bot.Library.Ingestion;

namespace Bot.Library.Tests;

public sealed class DigestLibraryIngestTests
{
    private const string First = "id: 2024-01-01-first\ntitle: First\ndate: 2024-01-01\n# news | News\n* Wombat migration | wombats move north | https://example.com/wombat\n* Koala naps | koalas sleep | https://arxiv.org/abs/2305.17493\n";
    private const string Second = "id: 2024-02-01-second\ntitle: Second\ndate: 2024-02-01\n# papers | Papers\n* Recursion curse again | model collapse | https://arxiv.org/pdf/2305.17493v2\n";

    private static TempLibrary Create(IHttpClientFactory? http = null)
    {
        // The fake server listens on 127.0.0.1, which the library refuses unless told otherwise.
        var temp = new TempLibrary(new LibraryOptions { Digests = { AllowPrivateAddresses = true } }, http: http);
        temp.Library.ParseFunction = FakeParser.Parse;
        return temp;
    }

    [Fact]
    public async Task Ingest_ReadsFoldersRecursively_MdAndMarkdownOnly()
    {
        using var temp = Create();
        temp.Write("digests/2024/first.md", First);
        temp.Write("digests/deep/er/second.MARKDOWN", Second);
        temp.Write("digests/notes.txt", "id: ignored\n# news\n* Ignored entry");

        var report = await temp.Library.IngestAsync([Path.Combine(temp.Directory, "digests")]);

        Assert.Equal(2, report.Added);
        Assert.Equal(0, report.Failed);
        Assert.Equal(2, temp.Scalar("SELECT COUNT(*) FROM digests"));
        Assert.Empty(await temp.TitlesAsync("Ignored"));
    }

    [Fact]
    public async Task Ingest_IsIdempotent_AndUpdatesChangedFilesInPlace()
    {
        using var temp = Create();
        var first = temp.Write("d/first.md", First);
        temp.Write("d/second.md", Second);
        var folder = Path.Combine(temp.Directory, "d");
        await temp.Library.IngestAsync([folder]);
        var rowid = temp.Scalar("SELECT rowid FROM entries WHERE id = '2024-01-01-first/news/1'");

        var again = await temp.Library.IngestAsync([folder]);
        File.WriteAllText(first, First.Replace("wombats move north", "wombats move south", StringComparison.Ordinal));
        var changed = await temp.Library.IngestAsync([folder]);

        Assert.Equal(2, again.Unchanged);
        Assert.Equal(0, again.Added + again.Updated);
        Assert.Equal(1, changed.Updated);
        Assert.Equal(1, changed.Unchanged);
        Assert.Equal(rowid, temp.Scalar("SELECT rowid FROM entries WHERE id = '2024-01-01-first/news/1'"));
        Assert.Equal(["Wombat migration"], await temp.TitlesAsync("south"));
        Assert.Empty(await temp.TitlesAsync("north"));
    }

    [Fact]
    public async Task Ingest_ReportsFailures_AndKeepsEverythingElse()
    {
        using var temp = Create();
        var first = temp.Write("d/a-first.md", First);
        temp.Write("d/b-second.md", Second);
        var folder = Path.Combine(temp.Directory, "d");
        await temp.Library.IngestAsync([folder]);
        var before = JsonSerializer.Serialize(await temp.Library.GetDigestAsync("2024-01-01-first"));
        File.WriteAllText(first, First + "THROW\n");
        temp.Write("d/c-third.md", "id: 2024-03-01-third\ntitle: Third\n# news | News\n* Platypus news | platypus | https://example.com/p\n");

        var report = await temp.Library.IngestAsync([folder, Path.Combine(temp.Directory, "missing-folder")]);

        Assert.Equal(2, report.Failed);
        Assert.Equal(1, report.Added);
        Assert.Equal(1, report.Unchanged);
        Assert.Contains(report.Files, f => f.Outcome == IngestOutcome.Failed && f.Source.EndsWith("a-first.md", StringComparison.Ordinal) && f.Error!.Contains("could not parse", StringComparison.Ordinal));
        Assert.Contains(report.Files, f => f.Outcome == IngestOutcome.Failed && f.Error!.Contains("not found", StringComparison.Ordinal));
        Assert.Equal(before, JsonSerializer.Serialize(await temp.Library.GetDigestAsync("2024-01-01-first")));
        Assert.Equal(["Platypus news"], await temp.TitlesAsync("platypus"));
    }

    [Fact]
    public async Task Ingest_ThatFailsHalfwayThroughADigest_LosesNothing()
    {
        using var temp = Create();
        var path = temp.Write("d/first.md", First);
        await temp.Library.IngestAsync([path]);
        var before = JsonSerializer.Serialize(await temp.Library.GetDigestAsync("2024-01-01-first"));
        // The second entry's id collides with an entry of another digest: the write fails after the first entry was written.
        temp.Library.ParseFunction = (text, name) =>
        {
            var digest = FakeParser.Parse(text, name);
            var section = digest.Sections[0];
            return digest with { Sections = [section with { Entries = [section.Entries[0] with { Title = "Half" }, section.Entries[1] with { Id = "2024-02-01-second/papers/1" }] }] };
        };
        await temp.Library.StoreDigestAsync(FakeParser.Parse(Second, "second.md"));
        File.WriteAllText(path, First.Replace("Koala", "Changed koala", StringComparison.Ordinal));

        var report = await temp.Library.IngestAsync([path]);

        var result = Assert.Single(report.Files);
        Assert.Equal(IngestOutcome.Failed, result.Outcome);
        Assert.Contains("could not store", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, JsonSerializer.Serialize(await temp.Library.GetDigestAsync("2024-01-01-first")));
        Assert.Equal(["Wombat migration"], await temp.TitlesAsync("wombat"));
        Assert.Empty(await temp.TitlesAsync("Half"));
    }

    [Fact]
    public async Task Ingest_ReportsProgressForEveryFile()
    {
        using var temp = Create();
        temp.Write("d/first.md", First);
        temp.Write("d/second.md", Second);
        var seen = new List<IngestProgress>();

        await temp.Library.IngestAsync([Path.Combine(temp.Directory, "d")], new SyncProgress(seen.Add));

        Assert.Equal(2, seen[^1].Done);
        Assert.Equal(2, seen[^1].Total);
    }

    [Fact]
    public async Task Ingest_FetchesUrls_WithConditionalGet()
    {
        await using var server = await FakeDigestServer.StartAsync();
        var modified = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        server.Documents["/raw/first.md"] = (First, "\"v1\"", modified);
        using var temp = Create(new TestHttpClientFactory());
        var url = server.BaseUrl + "/raw/first.md";

        var added = await temp.Library.IngestAsync([url]);
        var unchanged = await temp.Library.IngestAsync([url]);
        server.Documents["/raw/first.md"] = (First.Replace("Wombat", "Numbat", StringComparison.Ordinal), "\"v2\"", modified.AddDays(1));
        var updated = await temp.Library.IngestAsync([url]);
        var missing = await temp.Library.IngestAsync([server.BaseUrl + "/raw/missing.md"]);

        Assert.Equal(IngestOutcome.Added, Assert.Single(added.Files).Outcome);
        Assert.Equal(IngestOutcome.Unchanged, Assert.Single(unchanged.Files).Outcome);
        Assert.Equal("2024-01-01-first", unchanged.Files[0].DigestId);
        Assert.Equal(IngestOutcome.Updated, Assert.Single(updated.Files).Outcome);
        Assert.Equal(IngestOutcome.Failed, Assert.Single(missing.Files).Outcome);
        Assert.Contains("404", missing.Files[0].Error, StringComparison.Ordinal);
        var requests = server.Requests.ToArray();
        Assert.Null(requests[0].IfNoneMatch);
        Assert.Equal(("\"v1\"", 304), (requests[1].IfNoneMatch, requests[1].Status));
        Assert.NotNull(requests[1].IfModifiedSince);
        Assert.Equal(200, requests[2].Status);
        Assert.Equal(["Numbat migration"], await temp.TitlesAsync("numbat"));
    }

    [Fact]
    public async Task Ingest_UsesLastModified_WhenServerSendsNoETag()
    {
        await using var server = await FakeDigestServer.StartAsync();
        server.Documents["/first.md"] = (First, string.Empty, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var temp = Create(new TestHttpClientFactory());

        await temp.Library.IngestAsync([server.BaseUrl + "/first.md"]);
        var second = await temp.Library.IngestAsync([server.BaseUrl + "/first.md"]);

        Assert.Equal(IngestOutcome.Unchanged, second.Files[0].Outcome);
        Assert.Equal(304, server.Requests.ToArray()[1].Status);
    }

    private sealed class SyncProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
