using System.Diagnostics;
using Bot.Digests;
using Bot.Digests.Html;
using Bot.Library;
using Bot.Library.Storage;
using Bot.TestSupport;
using Bot.TestSupport.FakePublisher;
using Markdig;

namespace Bot.Benchmarks.Library;

/// <summary>
/// Issue 17: (1) HTML parse time against Markdown parse time for the same digests (real ones from samples and ../shared,
/// and generated ones), cold and warm; (2) the requests one poll round makes over 100 unchanged feeds (target 100, all 304).
/// <c>dotnet run -c Release --project bench/Bot.Benchmarks -- feeds [--passes N]</c>
/// </summary>
internal static class FeedsHarness
{
    private static readonly MarkdownPipeline Renderer = new MarkdownPipelineBuilder().UseYamlFrontMatter().UseFootnotes().Build();

    public static async Task<int> RunAsync(string[] args)
    {
        var passes = args.Length >= 2 && args[0] == "--passes" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var root = RepoRoot.TryFind() ?? ".";
        var real = Directory.EnumerateFiles(Path.Combine(root, "samples", "digests"), "*.md")
            .Concat(Directory.Exists(Path.Combine(root, "..", "shared")) ? Directory.EnumerateFiles(Path.Combine(root, "..", "shared"), "*.md", SearchOption.AllDirectories) : [])
            .Where(f => !f.Contains("DESIGN", StringComparison.Ordinal) && !f.Contains("CONVENTIONS", StringComparison.Ordinal) && !f.EndsWith("README.md", StringComparison.Ordinal))
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        var generated = new DigestGenerator(seed: 2026).GenerateMany(200, entriesPerDigest: 50).ToArray();
        Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}");
        Compare("real", real, passes);
        Compare("generated", generated, passes);
        await PollRoundAsync();
        return 0;
    }

    private static void Compare(string label, (string FileName, string Markdown)[] digests, int passes)
    {
        // The HTML is rendered once, outside the timing (Markdig with footnotes: the kramdown/remark shape for our purposes).
        var pages = digests.Select(d => "<html><body><article>" + Markdown.ToHtml(d.Markdown, Renderer) + "</article></body></html>").ToArray();
        var markdown = new DigestParser();
        var html = new HtmlDigestParser();
        var uri = new Uri("https://blog.test/posts/x/");
        double Time(Action action)
        {
            var watch = Stopwatch.StartNew();
            action();
            return watch.Elapsed.TotalMilliseconds;
        }

        var coldMd = Time(() => Array.ForEach(digests, d => markdown.Parse(d.Markdown, d.FileName)));
        var coldHtml = Time(() => Array.ForEach(pages, p => html.Parse(p, uri)));
        var warmMd = Enumerable.Range(0, passes).Select(_ => Time(() => Array.ForEach(digests, d => markdown.Parse(d.Markdown, d.FileName)))).Order().ElementAt(passes / 2);
        var warmHtml = Enumerable.Range(0, passes).Select(_ => Time(() => Array.ForEach(pages, p => html.Parse(p, uri)))).Order().ElementAt(passes / 2);
        Console.WriteLine($"{label} ({digests.Length} digests, {pages.Sum(p => p.Length) / 1024} KiB of HTML): " +
            $"cold markdown {coldMd:F0} ms, html {coldHtml:F0} ms (x{coldHtml / coldMd:F2}); " +
            $"warm median of {passes}: markdown {warmMd:F1} ms, html {warmHtml:F1} ms (x{warmHtml / warmMd:F2})");
    }

    private static async Task PollRoundAsync()
    {
        await using var server = await FakePublisherServer.StartAsync();
        var feeds = new List<string>();
        for (var f = 0; f < 100; f++)
        {
            var posts = Enumerable.Range(1, 5).Select(n => ($"f{f}-p{n}", $"Post {n}", DateTimeOffset.UnixEpoch.AddDays(20000 + n), DateTimeOffset.UnixEpoch.AddDays(20000 + n))).ToList();
            foreach (var (slug, title, date, _) in posts)
            {
                server.Put($"/posts/{slug}/", PublisherSite.ChirpyPage(title, date, PublisherSite.Sections(f)), "text/html");
            }

            server.Put($"/f{f}/feed.xml", PublisherSite.AtomFeed(server.BaseUrl, posts), "application/atom+xml");
            feeds.Add(server.Url($"/f{f}/feed.xml"));
        }

        var dir = Path.Combine(Path.GetTempPath(), "bot-feeds-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var library = new DigestLibrary(new BotDatabase(dir), new LibraryOptions { Digests = { AllowPrivateAddresses = true } }, null, TimeProvider.System, null);
            var watch = Stopwatch.StartNew();
            var first = await library.IngestAsync(feeds);
            var firstMs = watch.Elapsed.TotalMilliseconds;
            var before = server.Requests.Count;
            watch.Restart();
            var round = await library.IngestAsync(feeds);
            var roundMs = watch.Elapsed.TotalMilliseconds;
            var requests = server.Requests.Skip(before).ToList();
            Console.WriteLine($"poll round over 100 feeds: first (cold) {first.Added} digests from {before} requests in {firstMs:F0} ms; " +
                $"unchanged round {requests.Count} requests ({requests.Count(r => r.Status == 304)} were 304) in {roundMs:F0} ms, {round.Added + round.Updated} changed");
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A pooled SQLite handle may still be open; the temp folder is cleaned eventually.
            }
        }
    }
}
