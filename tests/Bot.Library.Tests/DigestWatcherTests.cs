using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Library.Tests;

public sealed class DigestWatcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Watcher_IngestsAtStart_AndReingestsChangedFile()
    {
        using var temp = new TempLibrary();
        temp.Library.ParseFunction = FakeParser.Parse;
        var folder = Path.Combine(temp.Directory, "watched");
        var path = temp.Write("watched/sub/first.md", "id: w1\ntitle: W\ndate: 2024-01-01\n# news | News\n* Alpaca wool | alpacas | https://example.com/a\n");
        var options = Options.Create(new LibraryOptions { Digests = { Sources = [folder], WatchDebounce = TimeSpan.FromMilliseconds(50), RescanInterval = TimeSpan.FromHours(1) } });
        using var watcher = new DigestWatcher(temp.Library, options, TimeProvider.System, NullLogger<DigestWatcher>.Instance);

        await watcher.StartAsync(CancellationToken.None);
        await EventuallyAsync(async () => (await temp.TitlesAsync("alpaca")).Count == 1);
        File.WriteAllText(path, "id: w1\ntitle: W\ndate: 2024-01-01\n# news | News\n* Llama wool | llamas | https://example.com/a\n");
        temp.Write("watched/second.markdown", "id: w2\ntitle: W2\n# news | News\n* Vicuna wool | vicunas | https://example.com/v\n");
        await EventuallyAsync(async () => (await temp.TitlesAsync("llama")).Count == 1 && (await temp.TitlesAsync("vicuna")).Count == 1);
        await watcher.StopAsync(CancellationToken.None);

        Assert.Empty(await temp.TitlesAsync("alpaca"));
        Assert.False(watcher.ExecuteTask!.IsFaulted);
    }

    [Fact]
    public async Task Watcher_ReadsAFileWrittenWhileTheStartUpIngestRuns_WithoutWaitingForTheRescan()
    {
        using var temp = new TempLibrary();
        using var parsing = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        temp.Library.ParseFunction = (text, name) =>
        {
            parsing.Set();
            release.Wait(Patience);
            return FakeParser.Parse(text, name);
        };
        var folder = Path.Combine(temp.Directory, "watched");
        var path = temp.Write("watched/first.md", "id: w1\ntitle: W\n# news | News\n* Alpaca wool | alpacas | https://example.com/a\n");
        var options = Options.Create(new LibraryOptions { Digests = { Sources = [folder], WatchDebounce = TimeSpan.FromMilliseconds(50), RescanInterval = TimeSpan.FromHours(1) } });
        using var watcher = new DigestWatcher(temp.Library, options, TimeProvider.System, NullLogger<DigestWatcher>.Instance);

        await watcher.StartAsync(CancellationToken.None);
        Assert.True(parsing.Wait(Patience), "the start-up ingest never parsed the file");
        File.WriteAllText(path, "id: w1\ntitle: W\n# news | News\n* Llama wool | llamas | https://example.com/a\n");
        release.Set();
        await watcher.StartupIngest;

        // The start-up ingest read the old text; only the watcher can bring the new one before the hour's rescan.
        await EventuallyAsync(async () => (await temp.TitlesAsync("llama")).Count == 1);
        await watcher.StopAsync(CancellationToken.None);
        Assert.Empty(await temp.TitlesAsync("alpaca"));
    }

    [Fact]
    public async Task Watcher_RescansPeriodically_AndSurvivesBadSources()
    {
        using var temp = new TempLibrary();
        temp.Library.ParseFunction = FakeParser.Parse;
        var folder = Path.Combine(temp.Directory, "rescanned");
        temp.Write("rescanned/bad.md", "THROW");
        var options = Options.Create(new LibraryOptions
        {
            Digests = { Sources = [folder, Path.Combine(temp.Directory, "does-not-exist"), "ftp://nowhere.invalid/x.md"], RescanInterval = TimeSpan.FromMilliseconds(200) },
        });
        using var watcher = new DigestWatcher(temp.Library, options, TimeProvider.System, NullLogger<DigestWatcher>.Instance);

        await watcher.StartAsync(CancellationToken.None);
        await EventuallyAsync(() => Task.FromResult(watcher.Runs >= 2));
        temp.Write("rescanned/good.md", "id: g1\ntitle: G\n# news | News\n* Guanaco wool | guanacos | https://example.com/g\n");
        await EventuallyAsync(async () => (await temp.TitlesAsync("guanaco")).Count == 1);
        await watcher.StopAsync(CancellationToken.None);

        Assert.False(watcher.ExecuteTask!.IsFaulted);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within the generous timeout");
            await Task.Delay(50);
        }
    }
}
