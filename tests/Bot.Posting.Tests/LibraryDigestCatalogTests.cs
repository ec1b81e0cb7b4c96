using System.Text.Json;
using Bot.Library;
using Bot.Library.Storage;
using Bot.Posting;
using Bot.TestSupport;
using Bot.Posting.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Bot.Posting.Tests;

public sealed class LibraryDigestCatalogTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void ShippedAppSettings_PointNoReadTheFullDigestLinkAtExampleBlog()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "appsettings.json")));

        var publicUrl = settings.RootElement.GetProperty("Bot").GetProperty("Digests").TryGetProperty("PublicUrl", out var value) ? value.GetString() : null;

        Assert.True(string.IsNullOrEmpty(publicUrl), $"the shipped Bot:Digests:PublicUrl is '{publicUrl}': every operator's posts would link there");
    }

    [Fact]
    public void PublicUrl_WithoutATemplate_IsTheDigestsOwnAbsolutePermalink()
    {
        var catalog = new LibraryDigestCatalog(new DigestLibrary(new BotDatabase(_data.Path)));
        var digest = TestDigests.Make("d1", new DateOnly(2026, 11, 16), "news") with { Permalink = "https://blog.example/posts/d1/#top" };

        Assert.Equal("https://blog.example/posts/d1/#top", catalog.PublicUrl(digest));
    }

    [Fact]
    public void PublicUrl_WithNoUrlAtAll_IsNull_AndWarnsOncePerDigest()
    {
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var catalog = new LibraryDigestCatalog(new DigestLibrary(new BotDatabase(_data.Path)), factory.CreateLogger<LibraryDigestCatalog>());
        var digest = TestDigests.Make("d1", new DateOnly(2026, 11, 16), "news", "papers");

        var first = catalog.PublicUrl(digest);
        var second = catalog.PublicUrl(digest);

        Assert.Null(first);
        Assert.Null(second);
        var warning = Assert.Single(logs.Lines);
        Assert.StartsWith("Warning", warning, StringComparison.Ordinal);
        Assert.Contains("Digest d1 has no public URL", warning, StringComparison.Ordinal);
        Assert.Contains("Bot:Digests:PublicUrl", warning, StringComparison.Ordinal);
    }
}
