using System.Diagnostics;
using System.Globalization;
using Bot.Core;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Discord;
using Bot.TestSupport.FakeDiscord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Benchmarks.Discord;

/// <summary>
/// <c>discord-fanout [--channels 1000] [--scale 0.25]</c>: one section highlight to N channels through the real poster,
/// client and rate limiter, against the fake Discord with Discord's default limits (50 requests per second globally,
/// 5 per 5 s per channel), every window multiplied by <c>--scale</c>. Reports the wall time against the minimum those
/// limits allow and the number of 429s.
/// </summary>
internal static class DiscordFanOutHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var channels = (int)BenchArgs.Number(args, "--channels", 1000);
        var scale = BenchArgs.Number(args, "--scale", 0.25);
        var fakeOptions = new FakeDiscordOptions { TimeScale = scale };
        await using var fake = await FakeDiscordServer.StartAsync(fakeOptions);
        var window = fakeOptions.Scale(fakeOptions.GlobalWindow);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Bot:Discord:BotToken"] = fakeOptions.BotToken,
            ["Bot:Discord:GlobalWindow"] = window.ToString("c", CultureInfo.InvariantCulture),
            ["Bot:Templates:Path"] = Path.Combine(BenchArgs.RepoRoot(), "templates"),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotCore(configuration);
        services.AddBotDiscord(configuration);
        await using var provider = services.BuildServiceProvider();
        var poster = provider.GetServices<ISectionPoster>().Single(p => p.Platform == "discord");
        var highlight = new SectionHighlight(
            "2026-10-05-ai-trend", "AI Trends, September 2026", new DateOnly(2026, 10, 5), "https://example.blog/posts/ai-trend-2026-09/",
            "papers", "Papers",
            Enumerable.Range(1, 5).Select(i => new HighlightItem($"e{i}", $"Paper {i}", $"Summary {i}", $"https://arxiv.org/abs/2601.0000{i}")).ToList(),
            MoreCount: 3);

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, channels).Select(i =>
            poster.PostAsync(new PostTarget("discord", "channel", (9_000_000 + i).ToString(CultureInfo.InvariantCulture)), new SectionPost($"fanout|{i}", highlight))));
        stopwatch.Stop();

        var messages = fake.Messages;
        var requests = fake.Requests;
        var perChannel = messages.Count / Math.Max(1, channels);
        // With a sliding 1-window limit of 50, the k-th batch of 50 cannot start before (k-1) windows have passed.
        var minimum = TimeSpan.FromTicks(window.Ticks * ((int)Math.Ceiling(messages.Count / (double)fakeOptions.GlobalLimit) - 1));
        var ratio = stopwatch.Elapsed / minimum;
        var distinct = messages.Select(m => (m.ChannelId, m.Nonce)).Distinct().Count();
        Console.WriteLine($"discord-fanout: {channels} channels x {perChannel} message(s), global {fakeOptions.GlobalLimit}/{window.TotalMilliseconds:0} ms, per channel {fakeOptions.MessageLimit}/{fakeOptions.Scale(fakeOptions.MessageWindow).TotalMilliseconds:0} ms (scale {scale})");
        Console.WriteLine($"  wall {stopwatch.Elapsed.TotalSeconds:0.000} s, minimum allowed {minimum.TotalSeconds:0.000} s, ratio {ratio:0.000} (target <= 1.2)");
        Console.WriteLine($"  delivered {messages.Count} ({distinct} distinct), requests {requests.Count}, 429s {requests.Count(r => r.Status == 429)}");
        return messages.Count == distinct && distinct == channels * perChannel ? 0 : 1;
    }
}
