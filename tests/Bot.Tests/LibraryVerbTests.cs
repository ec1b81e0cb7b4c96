using System.Text.Json;
using Bot.Cli;
using Bot.Digests.Model;
using Bot.Library;
using Bot.Library.Storage;
using Bot.Tests.Support;

namespace Bot.Tests;

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

[Collection(nameof(ConsoleCollection))]
public sealed class LibraryVerbTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string DataDir => _dir.Path;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Search_PrintsDesignJsonShape()
    {
        await SeedAsync();

        var (code, output, _) = await CliRunner.RunAsync("search", "추론", "--json", "--data", DataDir);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["query", "total", "results"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var result = json.RootElement.GetProperty("results")[0];
        Assert.Equal(
            ["entryId", "title", "summary", "section", "digestId", "digestTitle", "digestDate", "url", "references", "alsoIn", "score"],
            result.EnumerateObject().Select(p => p.Name));
        Assert.Equal("LLM 추론을 위한 효율적인 Scaling", result.GetProperty("title").GetString());
        Assert.Equal("2024-03-05", result.GetProperty("digestDate").GetString());
        var reference = result.GetProperty("references")[0];
        Assert.Equal(["label", "title", "url", "canonicalUrl", "kind", "arxivId", "doi"], reference.EnumerateObject().Select(p => p.Name));
        Assert.Equal("paper", reference.GetProperty("kind").GetString());
        Assert.Equal("old/1", result.GetProperty("alsoIn")[0].GetProperty("entryId").GetString());
    }

    [Fact]
    public async Task Search_FiltersBySection_AndPrintsText()
    {
        await SeedAsync();

        var (code, output, _) = await CliRunner.RunAsync("search", "GPU", "--section", "news", "--limit", "5", "--data", DataDir);

        Assert.Equal(0, code);
        Assert.Contains("GPU 클러스터", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_CountsOneResultInTheSingular()
    {
        await SeedAsync();

        var (code, output, _) = await CliRunner.RunAsync("search", "GPU", "--section", "news", "--data", DataDir);

        Assert.Equal(0, code);
        Assert.StartsWith("1 result for \"GPU\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'; DROP TABLE entries; --")]
    [InlineData("NEAR(")]
    [InlineData("\"")]
    [InlineData("🤖")]
    public async Task Search_ExitsZero_ForHostileQuery(string query)
    {
        await SeedAsync();

        var (code, output, error) = await CliRunner.RunAsync("search", "--json", "--data", DataDir, "--", query);

        Assert.Equal(0, code);
        Assert.Empty(error);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("total").GetInt32() >= 0);
    }

    [Fact]
    public async Task Search_IsUsageError_ForBadLimit()
    {
        var (code, _, error) = await CliRunner.RunAsync("search", "gpu", "--limit", "0", "--data", DataDir);

        Assert.Equal(2, code);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Papers_ReturnsOnlyPapers()
    {
        await SeedAsync();

        var (code, output, _) = await CliRunner.RunAsync("papers", "collapse", "--json", "--data", DataDir);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var ids = json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("entryId").GetString()).ToList();
        Assert.Equal(["new/2"], ids);
    }

    [Fact]
    public async Task Refs_PrintsReferencesWithOtherDigests()
    {
        await SeedAsync();

        var (code, output, _) = await CliRunner.RunAsync("refs", "추론", "--json", "--data", DataDir);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("new/1", json.RootElement.GetProperty("entry").GetProperty("entryId").GetString());
        var reference = json.RootElement.GetProperty("references")[0];
        Assert.Equal("2401.00001", reference.GetProperty("arxivId").GetString());
        Assert.Equal("old/1", reference.GetProperty("alsoIn")[0].GetProperty("entryId").GetString());
    }

    [Fact]
    public async Task Refs_PrintsNullEntry_WhenNothingMatches()
    {
        await SeedAsync();

        var (code, output, _) = await CliRunner.RunAsync("refs", "zzzqqq", "--json", "--data", DataDir);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("entry").ValueKind);
    }

    [Fact]
    public async Task Ingest_ExitsOne_WithOneErrorLine_WhenASourceFails()
    {
        var (code, _, error) = await CliRunner.RunAsync("ingest", Path.Combine(DataDir, "no-such-folder"), "--data", DataDir);

        Assert.Equal(1, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_Samples_ThenSearchFindsThem_AndSecondRunIsUnchanged()
    {
        var samples = Path.Combine(RepoPaths.Root, "samples", "digests");

        var (first, firstOutput, firstError) = await CliRunner.RunAsync("ingest", samples, "--data", DataDir);
        Assert.True(first == 0, firstError + firstOutput);
        var (second, secondOutput, _) = await CliRunner.RunAsync("ingest", samples, "--data", DataDir);
        var (search, json, _) = await CliRunner.RunAsync("search", "임베딩", "--json", "--data", DataDir);

        Assert.Equal(0, first);
        Assert.Matches(@"│\s*3\s*│\s*0\s*│\s*0\s*│\s*0\s*│", firstOutput);
        Assert.Equal(0, second);
        Assert.Matches(@"│\s*0\s*│\s*0\s*│\s*3\s*│\s*0\s*│", secondOutput);
        Assert.Equal(0, search);
        using var doc = JsonDocument.Parse(json);
        Assert.Contains(doc.RootElement.GetProperty("results").EnumerateArray(), r => r.GetProperty("title").GetString()!.Contains("임베딩", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_ReportsWarningsPerFile_AndExitsOneWhenAFileCannotBeRead()
    {
        var folder = Path.Combine(DataDir, "in");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(RepoPaths.Root, "samples", "digests", "2026-09-07-ai-trend-2026-08.md"), Path.Combine(folder, "2026-09-07-ai-trend-2026-08.md"));
        await File.WriteAllTextAsync(Path.Combine(folder, "2026-01-01-warn.md"), "---\ntitle: Warn\ndate: 2026-01-01\n---\n\n## News\n### Entry [^missing]\n- text\n");

        var (code, output, error) = await CliRunner.RunAsync("ingest", folder, Path.Combine(folder, "missing.md"), "--data", DataDir);

        Assert.Equal(1, code);
        Assert.Contains("2026-01-01-warn.md", output, StringComparison.Ordinal);
        Assert.Contains("warning", output, StringComparison.Ordinal);
        Assert.StartsWith("error: 1 of 3 sources failed", error, StringComparison.Ordinal);
    }


    private async Task SeedAsync()
    {
        var library = new DigestLibrary(new BotDatabase(DataDir));
        static Reference Arxiv(string id) => new("ref-1", "Paper " + id, $"https://arxiv.org/abs/{id}", $"https://arxiv.org/abs/{id}", ReferenceKind.Paper, id, null);
        static Reference Link(string url) => new("ref-1", "Link", url, url, ReferenceKind.Article, null, null);
        static Entry Entry(string id, string title, string bullet, Reference reference) => new(id, title, [new Bullet(bullet, 0)], [], [reference], 1);
        await library.StoreDigestAsync(new Digest("2024-01-10-old", "Old digest", new DateOnly(2024, 1, 10), DigestFormat.Sectioned, [], [], null, null, null, "old", null,
            [new Section("news", "News", [Entry("old/1", "추론 가속 기법", "bullet", Arxiv("2401.00001")), Entry("old/2", "GPU 클러스터 운영", "gpu", Link("https://example.com/gpu"))])], []));
        await library.StoreDigestAsync(new Digest("2024-03-05-new", "New digest", new DateOnly(2024, 3, 5), DigestFormat.Sectioned, [], [], null, null, null, "new", null,
            [
                new Section("news", "News", [Entry("new/1", "LLM 추론을 위한 효율적인 Scaling", "첫 번째 요약", Arxiv("2401.00001"))]),
                new Section("papers", "Papers", [Entry("new/2", "Model collapse", "collapse", Link("https://example.com/collapse"))]),
            ], []));
    }
}
