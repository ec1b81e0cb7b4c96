using System.Text.Json;
using Bot.Cli;
using Bot.Library;
using Bot.Library.Storage;
using Bot.Tests.Support;

namespace Bot.Tests;

[Collection(nameof(ConsoleCollection))]
public sealed class PreviewVerbTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string DataDir => _dir.Path;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Preview_SaysToIngest_WhenLibraryIsEmpty()
    {
        var (code, _, error) = await CliRunner.RunAsync("preview", "--data", DataDir);

        Assert.Equal(1, code);
        Assert.Equal("error: no digests stored; run ingest first", error.Trim());
    }

    [Fact]
    public async Task Preview_Json_PrintsDiscordRequestBodies()
    {
        await SeedAsync();

        var (code, output, _) = await CliRunner.RunAsync("preview", "--digest", "2026-09-07-ai-trend-2026-08", "--section", "papers", "--platform", "discord", "--json", "--data", DataDir);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["platform", "messages"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("discord", json.RootElement.GetProperty("platform").GetString());
        var message = Assert.Single(json.RootElement.GetProperty("messages").EnumerateArray());
        Assert.Equal(0, message.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.True(message.GetProperty("enforce_nonce").GetBoolean());
        var embed = message.GetProperty("embeds")[0];
        Assert.Equal("1. Sparse Mixture Routing for Small Language Models", embed.GetProperty("fields")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Preview_Json_PrintsSlackRequestBodies_ForEverySection()
    {
        await SeedAsync();

        var (code, output, _) = await CliRunner.RunAsync("preview", "--digest", "2026-09-07-ai-trend-2026-08", "--platform", "slack", "--json", "--data", DataDir);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var messages = json.RootElement.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(4, messages.Count);
        Assert.All(messages, m => Assert.False(m.GetProperty("unfurl_links").GetBoolean()));
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m.GetProperty("text").GetString())));
        Assert.Equal("header", messages[0].GetProperty("blocks")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Preview_WithoutJson_PrintsReadableText()
    {
        await SeedAsync();

        var (code, output, _) = await CliRunner.RunAsync("preview", "--digest", "2026-09-07-ai-trend-2026-08", "--section", "papers", "--data", DataDir);

        Assert.Equal(0, code);
        Assert.StartsWith("📄 Papers — ", output, StringComparison.Ordinal);
        Assert.Contains("1. Sparse Mixture Routing for Small Language Models", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_ListsSections_WhenSectionIsUnknown()
    {
        await SeedAsync();

        var (code, _, error) = await CliRunner.RunAsync("preview", "--section", "sports", "--data", DataDir);

        Assert.Equal(1, code);
        Assert.StartsWith("error: digest '2026-10-14-daily-briefing' has no section 'sports'; sections: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_RejectsUnknownPlatform_AsUsageError()
    {
        var (code, _, _) = await CliRunner.RunAsync("preview", "--platform", "teams", "--data", DataDir);

        Assert.Equal(2, code);
    }

    private async Task SeedAsync()
    {
        var report = await new DigestLibrary(new BotDatabase(DataDir)).IngestAsync([RepoPaths.SampleDigests]);
        Assert.Equal(0, report.Failed);
    }
}
