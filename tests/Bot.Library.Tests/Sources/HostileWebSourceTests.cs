using System.Text;
using Bot.Library.Ingestion;
using Bot.TestSupport.FakePublisher;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Library.Tests.Sources;

/// <summary>Hostile and unusual publishers: each case ends in a result or a one-line error naming the URL, on a fake clock, never a hang.</summary>
public sealed class HostileWebSourceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private FakePublisherServer _server = null!;

    public async Task InitializeAsync() => _server = await FakePublisherServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private TempLibrary Library(Action<DigestSourcesOptions>? configure = null)
    {
        var options = new LibraryOptions { Digests = { AllowPrivateAddresses = true } };
        configure?.Invoke(options.Digests);
        return new TempLibrary(options, time: _time);
    }

    private static string Page(string title, string body, string head = "")
        => $"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body><article><h1>{title}</h1><h2>News</h2><h3>{body}</h3><ul><li>{body} bullet</li></ul></article></body></html>";

    private async Task<IngestFileResult> IngestOneAsync(TempLibrary temp, string path)
        => (await temp.Library.IngestAsync([_server.Url(path)])).Files.Single(f => f.Source == _server.Url(path));

    [Fact]
    public async Task Ingest_RefusesNonHtmlBodies_WithTheirContentType()
    {
        using var temp = Library();
        _server.Put("/image.png", new PublishedResource([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0], "image/png"));
        _server.Put("/blob", new PublishedResource([0x00, 0x01, 0x02, 0x03], "application/octet-stream"));

        var image = await IngestOneAsync(temp, "/image.png");
        var blob = await IngestOneAsync(temp, "/blob");

        Assert.Equal(IngestOutcome.Failed, image.Outcome);
        Assert.Contains("image/png", image.Error, StringComparison.Ordinal);
        Assert.Contains("binary", blob.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("euc-kr", "text/html", "<meta charset=\"euc-kr\">", "인공지능 소식")]
    [InlineData("euc-kr", "text/html; charset=utf-8", "", "인공지능 소식")]
    [InlineData("iso-8859-1", "text/html", "", "Café naïve résumé")]
    [InlineData("iso-8859-1", "text/html; charset=iso-8859-1", "", "Café naïve résumé")]
    public async Task Ingest_DecodesLegacyCharsets_WhenDeclaredMissingOrWrong(string encoding, string contentType, string head, string title)
    {
        using var temp = Library();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _server.Put("/post/", new PublishedResource(Encoding.GetEncoding(encoding).GetBytes(Page(title, title, head)), contentType));

        var result = await IngestOneAsync(temp, "/post/");

        Assert.Equal(IngestOutcome.Added, result.Outcome);
        var digest = await temp.Library.GetDigestAsync(result.DigestId!);
        Assert.Equal(title, digest!.Title);
        Assert.Equal(title, digest.Entries.Single().Title);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Ingest_ReadsCompressedBodies(string encoding)
    {
        using var temp = Library();
        _server.Put("/post/", new PublishedResource(Encoding.UTF8.GetBytes(Page("Packed", "Squeezed")), "text/html") { ContentEncoding = encoding });

        var result = await IngestOneAsync(temp, "/post/");

        Assert.Equal(IngestOutcome.Added, result.Outcome);
        Assert.Equal("Squeezed", (await temp.Library.GetDigestAsync(result.DigestId!))!.Entries.Single().Title);
    }

    [Fact]
    public async Task Ingest_FollowsRedirects_ButNotLoopsTooManyHopsOrFileUrls_AndOtherSourcesStillLoad()
    {
        using var temp = Library(o => o.MaxRedirects = 3);
        _server.Put("/real/", Page("Moved", "Here"), "text/html");
        _server.Redirect("/old/", "/real/", 308);
        _server.Redirect("/a", "/b");
        _server.Redirect("/b", "/a");
        _server.Redirect("/r1", "/r2");
        _server.Redirect("/r2", "/r3");
        _server.Redirect("/r3", "/r4");
        _server.Redirect("/r4", "/real/");
        _server.Redirect("/file", "file:///etc/passwd", 302);

        var report = await temp.Library.IngestAsync([_server.Url("/a"), _server.Url("/file"), _server.Url("/r1"), _server.Url("/old/")]);

        Assert.Contains("redirect loop", report.Files.Single(f => f.Source.EndsWith("/a", StringComparison.Ordinal)).Error, StringComparison.Ordinal);
        Assert.Contains("file: URL", report.Files.Single(f => f.Source.EndsWith("/file", StringComparison.Ordinal)).Error, StringComparison.Ordinal);
        Assert.Contains("more than 3 redirects", report.Files.Single(f => f.Source.EndsWith("/r1", StringComparison.Ordinal)).Error, StringComparison.Ordinal);
        Assert.Equal(IngestOutcome.Added, report.Files.Single(f => f.Source.EndsWith("/old/", StringComparison.Ordinal)).Outcome);
    }

    [Fact]
    public async Task Ingest_RefusesA50MegabytePage_PastTheConfiguredCap()
    {
        using var temp = Library(o => o.MaxSourceBytes = 1024 * 1024);
        var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
        _server.Put("/huge/", new PublishedResource([], "text/html")
        {
            // Chunked, no Content-Length: the cap must hold while reading, not only from the header.
            Writer = async (body, ct) =>
            {
                for (var i = 0; i < 50 * 16; i++)
                {
                    await body.WriteAsync(chunk, ct);
                }
            },
        });
        _server.Put("/sized/", new PublishedResource(new byte[2 * 1024 * 1024], "text/html"));

        var huge = await IngestOneAsync(temp, "/huge/");
        var sized = await IngestOneAsync(temp, "/sized/");

        Assert.Contains("over the 1048576-byte cap", huge.Error, StringComparison.Ordinal);
        Assert.Contains("over the 1048576-byte cap", sized.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_CutsANeverEndingBody_AtTheRequestDeadline_WhileOtherSourcesLoad()
    {
        using var temp = Library(o => o.RequestTimeout = TimeSpan.FromSeconds(30));
        var folder = temp.Write("digests/2026-11-01-local.md", "---\ntitle: Local\ndate: 2026-11-01\n---\n## News\n### Local entry\n- still served\n");
        _server.Put("/slow/", new PublishedResource([], "text/html")
        {
            Writer = async (body, ct) =>
            {
                await body.WriteAsync("<html><body><article><h2>N</h2>"u8.ToArray(), ct);
                await body.FlushAsync(ct);
                await Task.Delay(Timeout.Infinite, ct);
            },
        });

        var ingest = temp.Library.IngestAsync([_server.Url("/slow/"), Path.GetDirectoryName(folder)!]);
        while (_server.CountRequests("/slow/") == 0 && !ingest.IsCompleted)
        {
            await Task.Delay(10);
        }

        _time.Advance(TimeSpan.FromSeconds(31));
        var report = await ingest.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Contains("did not answer in full within 30 s", report.Files.Single(f => f.Source.EndsWith("/slow/", StringComparison.Ordinal)).Error, StringComparison.Ordinal);
        Assert.Equal(IngestOutcome.Added, report.Files.Single(f => f.Source == folder).Outcome);
    }

    [Fact]
    public async Task Ingest_ReadsTheNewestItems_OfA10000ItemFeed_WithAWarning()
    {
        using var temp = Library(o => o.MaxFeedItems = 20);
        var items = Enumerable.Range(1, 10_000).Select(n => ($"d{n}", $"Daily {n}", Start.AddMinutes(-n), $"<h2>News</h2><h3>Item {n}</h3><ul><li>b</li></ul>"));
        _server.Put("/big.xml", PublisherSite.RssFeed(_server.BaseUrl, items), "application/rss+xml");

        var report = await temp.Library.IngestAsync([_server.Url("/big.xml")]);

        Assert.Equal(20, report.Added);
        var feed = report.Files.Single(f => f.Source == _server.Url("/big.xml"));
        Assert.Contains(feed.Warnings, w => w.Code == "feed-truncated" && w.Message.Contains("10000 items", StringComparison.Ordinal));
        Assert.Contains(report.Files, f => f.Source == _server.Url("/d1/"));
    }

    [Fact]
    public async Task Ingest_RefusesMalformedXml_AndNeverExpandsAnEntityBomb()
    {
        using var temp = Library();
        var bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lollollollollollollollollollol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            bomb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat(i == 1 ? "&lol;" : $"&lol{i - 1};", 10))}\">\n");
        }

        bomb.Append("]>\n<rss version=\"2.0\"><channel><item><title>&lol9;</title><link>http://x/</link></item></channel></rss>");
        _server.Put("/bomb.xml", bomb.ToString(), "application/rss+xml");
        _server.Put("/broken.xml", "<rss version=\"2.0\"><channel><item><title>open", "application/rss+xml");

        var bombResult = await IngestOneAsync(temp, "/bomb.xml");
        var broken = await IngestOneAsync(temp, "/broken.xml");

        Assert.Equal(IngestOutcome.Failed, bombResult.Outcome);
        Assert.Contains("malformed XML", bombResult.Error, StringComparison.Ordinal);
        Assert.Contains("malformed XML", broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_RefusesLoopbackAndPrivateAddresses_UnlessAllowed()
    {
        _server.Put("/post/", Page("Inside", "Inside"), "text/html");
        using var strict = new TempLibrary(new LibraryOptions(), time: _time);

        var refused = (await strict.Library.IngestAsync([_server.Url("/post/"), "http://10.1.2.3/feed.xml", "http://localhost/x"])).Files;

        Assert.All(refused, f => Assert.Equal(IngestOutcome.Failed, f.Outcome));
        Assert.All(refused, f => Assert.Contains("AllowPrivateAddresses", f.Error, StringComparison.Ordinal));
        Assert.Equal(0, _server.CountRequests("/post/"));
        using var allowed = Library();
        Assert.Equal(IngestOutcome.Added, (await IngestOneAsync(allowed, "/post/")).Outcome);
    }

    [Fact]
    public async Task Ingest_SaysWhichKindEachUrlWas_FromTheResponseNotTheName()
    {
        using var temp = Library();
        _server.Put("/feed.md", PublisherSite.RssFeed(_server.BaseUrl, []), "text/xml");
        _server.Put("/notes.html", "---\ntitle: Plain\ndate: 2026-11-01\n---\n## News\n### Entry\n- b\n", "text/plain");
        _server.Put("/page", Page("P", "E"), "application/octet-stream");

        var report = await temp.Library.IngestAsync([_server.Url("/feed.md"), _server.Url("/notes.html"), _server.Url("/page")]);

        Assert.Equal(["rss", "markdown", "html"], report.Files.Select(f => f.Kind));
    }
}
