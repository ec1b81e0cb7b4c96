using System.Text;
using System.Text.Json;

using Bot.Cli;
using Bot.Tests.Support;

namespace Bot.Tests;

[Collection(nameof(ConsoleCollection))]
public sealed class ParseVerbTests : IDisposable
{
    private static readonly string Samples = RepoPaths.SampleDigests;
    private readonly TempDirectory _dir = new();

    private string TempDir => _dir.Path;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Parse_PrintsDesignJsonShape_ForSampleDigest()
    {
        var (code, output, error) = await CliRunner.RunAsync("parse", Path.Combine(Samples, "2026-09-07-ai-trend-2026-08.md"), "--json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["id", "title", "date", "format", "tags", "url", "sections", "warnings"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-09-07-ai-trend-2026-08", root.GetProperty("id").GetString());
        Assert.Equal("2026-09-07", root.GetProperty("date").GetString());
        Assert.Equal("sectioned", root.GetProperty("format").GetString());
        Assert.Equal(["news", "papers", "deep-learning-llm", "mlops-data"], root.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("key").GetString()));

        var entry = root.GetProperty("sections")[0].GetProperty("entries")[0];
        Assert.Equal(["id", "title", "bullets", "images", "references"], entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal("  개인정보가 담긴 문서는 색인 단계에서 자동으로 가려집니다.", entry.GetProperty("bullets")[2].GetString());
        var reference = entry.GetProperty("references")[0];
        Assert.Equal(["label", "title", "url", "canonicalUrl", "kind", "arxivId", "doi"], reference.EnumerateObject().Select(p => p.Name));
        Assert.Equal("https://news.example.kr/2026/08/seoul-rag-assistant", reference.GetProperty("canonicalUrl").GetString());
        Assert.Equal("article", reference.GetProperty("kind").GetString());

        var paper = root.GetProperty("sections")[1].GetProperty("entries")[0].GetProperty("references")[0];
        Assert.Equal("paper", paper.GetProperty("kind").GetString());
        Assert.Equal("2409.01234", paper.GetProperty("arxivId").GetString());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }

    // parse read ./appsettings.json itself and ignored --config, so a digest's url came from the wrong file (or none).
    [Fact]
    public async Task Parse_TakesThePublicUrlAndTheCapFromTheConfigFile()
    {
        var config = Path.Combine(TempDir, "elsewhere.json");
        await File.WriteAllTextAsync(config, "{ \"Bot\": { \"Digests\": { \"PublicUrl\": \"https://digest.example.org/posts/{slug}/\", \"MaxSourceBytes\": 2000 } } }");
        var digest = Path.Combine(TempDir, "2026-11-30-weekly.md");
        await File.WriteAllTextAsync(digest, "---\ntitle: Weekly\ndate: 2026-11-30\n---\n\n## News\n\n### One\n\n- A bullet.\n");
        var large = Path.Combine(TempDir, "2026-11-30-large.md");
        await File.WriteAllTextAsync(large, "---\ntitle: Large\n---\n\n## News\n\n" + string.Concat(Enumerable.Repeat("- A bullet of some length.\n", 200)));

        var (code, output, error) = await CliRunner.RunAsync("parse", digest, "--json", "--config", config);
        var refused = await CliRunner.RunAsync("parse", large, "--config", config);
        var missing = await CliRunner.RunAsync("parse", digest, "--config", Path.Combine(TempDir, "none.json"));

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("https://digest.example.org/posts/weekly/", json.RootElement.GetProperty("url").GetString());
        Assert.Equal(1, refused.Code);
        Assert.Contains("over the 2,000-byte cap (Bot:Digests:MaxSourceBytes)", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.Code);
        Assert.StartsWith("error: --config:", missing.Error, StringComparison.Ordinal);
        Assert.Single(missing.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Parse_PrintsReadableSummary_ByDefault()
    {
        var (code, output, _) = await CliRunner.RunAsync("parse", Path.Combine(Samples, "2026-10-14-daily-briefing.md"));

        Assert.Equal(0, code);
        Assert.StartsWith("작은 모델의 반격", output, StringComparison.Ordinal);
        Assert.Contains("format: briefing", output, StringComparison.Ordinal);
        Assert.Contains("Lumen-3B 공개", output, StringComparison.Ordinal);
        Assert.Contains("<https://youtube.com/watch?v=Lm3bTuneA1k> (video)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("{", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_ExitsOneWithOneErrorLine_WhenFileIsMissing()
    {
        var (code, output, error) = await CliRunner.RunAsync("parse", Path.Combine(TempDir, "missing.md"));

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: no such file:", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_ExitsOneWithOneErrorLine_WhenFileIsBinary()
    {
        var path = Path.Combine(TempDir, "image.md");
        var bytes = new byte[2048];
        new Random(3).NextBytes(bytes);
        bytes[5] = 0;
        await File.WriteAllBytesAsync(path, bytes);

        var (code, _, error) = await CliRunner.RunAsync("parse", path, "--json");

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("binary", line, StringComparison.Ordinal);
        Assert.StartsWith("error:", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty", "content-empty")]
    [InlineData("unterminated", "front-matter-unterminated")]
    [InlineData("no-front-matter", "front-matter-missing")]
    [InlineData("nested", "nesting-too-deep")]
    public async Task Parse_PrintsDigestWithWarning_ForHostileText(string kind, string warning)
    {
        var path = Path.Combine(TempDir, kind + ".md");
        await File.WriteAllTextAsync(path, kind switch
        {
            "empty" => string.Empty,
            "unterminated" => "---\ntitle: never closed\n\n## News\n### A [^a]\n\n[^a]: [A](https://example.com/a)\n",
            "no-front-matter" => "## News\n### A [^a]\n\n[^a]: [A](https://example.com/a)\n",
            _ => "## News\n### Deep [^a]\n" + string.Concat(Enumerable.Range(0, 800).Select(i => new string(' ', i * 2) + "- level\n")) + "\n[^a]: [A](https://example.com/a)\n",
        });

        var (code, output, error) = await CliRunner.RunAsync("parse", path, "--json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        Assert.Contains(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == warning);
    }

    [Fact]
    public async Task Parse_PrintsSummary_ForALargeDigestWithinTheCap_AndRefusesOneOverIt()
    {
        // Issue 13: `parse` applies Bot:Digests:MaxSourceBytes (4 MiB by default), as ingest and serve do.
        var within = Path.Combine(TempDir, "2026-01-01-huge.md");
        var over = Path.Combine(TempDir, "2026-01-02-huger.md");
        var generator = new Bot.TestSupport.DigestGenerator(seed: 5);
        var text = new StringBuilder();
        var bytes = 0;
        for (var i = 0; bytes < 3 * 1024 * 1024; i++)
        {
            var chunk = generator.Generate(i).Replace("[^", $"[^d{i}-", StringComparison.Ordinal).Replace("---\ntitle", i == 0 ? "---\ntitle" : "***\n\ntitle", StringComparison.Ordinal);
            text.Append(chunk);
            bytes += Encoding.UTF8.GetByteCount(chunk);
        }

        await File.WriteAllTextAsync(within, text.ToString());
        await File.WriteAllTextAsync(over, text.ToString() + text.ToString());

        var (code, output, _) = await CliRunner.RunAsync("parse", within);
        var refused = await CliRunner.RunAsync("parse", over);

        Assert.Equal(0, code);
        Assert.Contains("id: 2026-01-01-huge", output, StringComparison.Ordinal);
        Assert.Equal(1, refused.Code);
        Assert.Contains("over the 4,194,304-byte cap (Bot:Digests:MaxSourceBytes)", refused.Error, StringComparison.Ordinal);
        Assert.Single(refused.Error.Trim().Split('\n'));
    }
}
