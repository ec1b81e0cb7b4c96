using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Bot.Core.Commands;
using Bot.Discord.Interactions;
using Bot.Discord.Rendering;
using Bot.Discord.Wire;
using Bot.Hosting;
using Bot.Library;
using Bot.Library.Search;
using Bot.TestSupport.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Benchmarks.Discord;

/// <summary>
/// <c>discord-breakdown</c>: where the CPU time of one signed <c>/papers</c> interaction goes, single-threaded, without
/// HTTP: signature check, library search, the neutral command, rendering, and the whole handler.
/// </summary>
internal static class DiscordBreakdownHarness
{
    private const string Query = "Sparse Mixture Routing";

    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = (int)BenchArgs.Number(args, "--iterations", 500);
        var root = BenchArgs.RepoRoot();
        var data = Directory.CreateTempSubdirectory("bot-bench-breakdown-").FullName;
        Directory.SetCurrentDirectory(data); // no appsettings.json here: no subscriptions post while measuring
        using var signer = new InteractionSigner();
        var app = BotWebHost.Build([$"--Bot:Discord:PublicKey={signer.PublicKeyHex}", "--Bot:Digests:Watch=false", $"--Bot:Templates:Path={Path.Combine(root, "templates")}", "--Logging:LogLevel:Default=Warning"], data);
        var services = app.Services;
        var library = services.GetRequiredService<DigestLibrary>();
        await library.IngestAsync([Path.Combine(root, "samples", "digests")]);
        var commands = services.GetRequiredService<CommandService>();
        var renderer = services.GetRequiredService<DiscordRenderer>();
        var verifier = services.GetRequiredService<InteractionSignatureVerifier>();
        var handler = services.GetRequiredService<DiscordInteractionHandler>();
        var json = $$$"""{"id":"800","application_id":"100000000000000001","type":2,"token":"bench","version":1,"channel_id":"2","data":{"id":"900","name":"papers","type":1,"options":[{"name":"query","type":3,"value":"{{{Query}}}"}]}}""";
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = signer.Sign(timestamp, body);
        var reply = await commands.PapersAsync(Query);

        Console.WriteLine($"discord-breakdown: mean CPU time per call over {iterations} calls, one thread");
        await TimeAsync("Ed25519 signature check", iterations, () => { _ = verifier.IsValid(body, signature, timestamp); return Task.CompletedTask; });
        await TimeAsync("parse interaction JSON", iterations, () => { _ = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordInteraction); return Task.CompletedTask; });
        await TimeAsync("DigestLibrary.SearchAsync", iterations, () => library.SearchAsync(new SearchRequest(Query, PapersOnly: true, Limit: CommandService.DefaultPageSize)));
        await TimeAsync("CommandService.PapersAsync", iterations, () => commands.PapersAsync(Query));
        await TimeAsync("DiscordRenderer.RenderReply", iterations, () => { _ = renderer.RenderReply(reply); return Task.CompletedTask; });
        var interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordInteraction)!;
        await TimeAsync("whole handler (no HTTP)", iterations, () => handler.HandleAsync(interaction));
        await app.DisposeAsync();
        return 0;
    }

    private static async Task TimeAsync(string name, int iterations, Func<Task> action)
    {
        for (var i = 0; i < Math.Min(100, iterations); i++)
        {
            await action();
        }

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            await action();
        }

        Console.WriteLine($"  {name,-30} {stopwatch.Elapsed.TotalMicroseconds / iterations,8:0} µs");
    }
}
