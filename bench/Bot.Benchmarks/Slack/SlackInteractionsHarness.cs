using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Bot.Hosting;
using Bot.Library;
using Bot.Slack.Http;
using Bot.Slack.Rendering;
using Bot.Slack.Wire.Messages;
using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Benchmarks.Slack;

/// <summary>
/// Signed <c>/papers</c> round trips against the real host on loopback (Kestrel), beside a bare endpoint (<c>GET /healthz</c>)
/// on the same host: throughput and latency percentiles with a fixed number of concurrent clients.
/// <c>-- slack-interactions [--seconds 10] [--concurrency 16]</c>
/// </summary>
internal static class SlackInteractionsHarness
{
    private const string Secret = "bench-signing-secret";

    private static readonly string[] Queries = ["model", "sparse mixture routing", "agent", "benchmark", "모델", "embedding"];

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = BenchArgs.Integer(args, "--seconds", 10);
        var concurrency = BenchArgs.Integer(args, "--concurrency", 16);
        var data = Path.Combine(Path.GetTempPath(), "bot-bench-slack-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        await using var fake = await FakeSlackServer.StartAsync();
        var app = BotWebHost.Build(
            [
                "--urls=http://127.0.0.1:0",
                $"--Bot:Slack:SigningSecret={Secret}",
                $"--Bot:Slack:ApiBaseUrl={fake.ApiBaseUrl}",
                $"--Bot:Slack:BotToken={fake.Options.BotToken}",
                "--Bot:Digests:Watch=false",
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
            ],
            data);
        try
        {
            await app.StartAsync();
            var address = Bot.TestSupport.Loopback.AddressOf(app);
            await app.Services.GetRequiredService<DigestLibrary>().IngestAsync([Path.Combine(BenchArgs.RepoRoot(), "samples", "digests")]);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false })
            {
                BaseAddress = new Uri(address),
            };

            if (args.Contains("--direct"))
            {
                await BreakdownAsync(app.Services, fake.NewResponseUrl());
                return 0;
            }

            Console.WriteLine($"Slack interactions on {address}: {concurrency} concurrent clients, {seconds} s per run, {Environment.ProcessorCount} cores");
            var signed = Queries.Select(q => SignedCommand(q, fake.NewResponseUrl())).ToArray();
            await MeasureAsync(http, "warm-up", 2, concurrency, i => Papers(signed[i % signed.Length]), quiet: true);
            await MeasureAsync(http, "warm-up", 1, concurrency, _ => new HttpRequestMessage(HttpMethod.Get, "/healthz"), quiet: true);
            var bare = await MeasureAsync(http, "GET /healthz (bare)", seconds, concurrency, _ => new HttpRequestMessage(HttpMethod.Get, "/healthz"));
            var papers = await MeasureAsync(http, "POST /slack/commands /papers (signed)", seconds, concurrency, i => Papers(signed[i % signed.Length]));
            Console.WriteLine();
            Console.WriteLine("| endpoint | requests | req/s | p50 ms | p99 ms | max ms | errors |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(bare);
            Console.WriteLine(papers);
            return papers.Errors == 0 ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; it is a temp folder.
            }
        }
    }

    // Mean cost of each step of a /papers answer without HTTP, one thread.
    private static async Task BreakdownAsync(IServiceProvider services, string responseUrl)
    {
        var commands = services.GetRequiredService<Bot.Core.Commands.CommandService>();
        var renderer = services.GetRequiredService<SlackRenderer>();
        var signed = SignedCommand("sparse mixture routing", responseUrl);
        var bytes = Encoding.UTF8.GetBytes(signed.Body);
        var reply = await commands.PapersAsync("sparse mixture routing");
        var message = renderer.RenderReply(reply);
        Console.WriteLine("| step | µs per call |");
        Console.WriteLine("|---|---:|");
        await StepAsync("signature check (HMAC-SHA256)", () =>
        {
            SlackSignatureVerifier.Verify(Secret, signed.Timestamp, signed.Signature, bytes, DateTimeOffset.UtcNow);
            return Task.CompletedTask;
        });
        await StepAsync("form parse", () =>
        {
            new Microsoft.AspNetCore.WebUtilities.FormReader(signed.Body).ReadForm();
            return Task.CompletedTask;
        });
        await StepAsync("slash text parse", () =>
        {
            SlashCommandText.TryParse("papers", "sparse mixture routing limit:5 public", out _, out _);
            return Task.CompletedTask;
        });
        await StepAsync("CommandService.PapersAsync", () => commands.PapersAsync("sparse mixture routing"));
        await StepAsync("SlackRenderer.RenderReply", () =>
        {
            renderer.RenderReply(reply);
            return Task.CompletedTask;
        });
        await StepAsync("serialize (source-generated)", () =>
        {
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(message, SlackMessageJsonContext.Default.SlackMessage);
            return Task.CompletedTask;
        });
    }

    private static async Task StepAsync(string name, Func<Task> step)
    {
        for (var i = 0; i < 200; i++)
        {
            await step();
        }

        var sw = Stopwatch.StartNew();
        var n = 0;
        while (sw.ElapsedMilliseconds < 1500)
        {
            await step();
            n++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {sw.Elapsed.TotalMilliseconds * 1000 / n:F1} |"));
    }

    private static (string Body, string Timestamp, string Signature) SignedCommand(string query, string responseUrl)
    {
        var body = $"token=bench&team_id=T0&team_domain=bench&channel_id=C0&channel_name=bench&user_id=U0&user_name=bench&command=%2Fpapers"
                   + $"&text={Uri.EscapeDataString(query)}&response_url={Uri.EscapeDataString(responseUrl)}&trigger_id=1.2.3";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (body, timestamp, SlackSignatureVerifier.Sign(Secret, timestamp, Encoding.UTF8.GetBytes(body)));
    }

    private static HttpRequestMessage Papers((string Body, string Timestamp, string Signature) signed)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
        {
            Content = new StringContent(signed.Body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", signed.Timestamp);
        request.Headers.Add("X-Slack-Signature", signed.Signature);
        return request;
    }

    private static async Task<Result> MeasureAsync(HttpClient http, string name, int seconds, int concurrency, Func<int, HttpRequestMessage> create, bool quiet = false)
    {
        var load = await HttpLoad.RunAsync(http, concurrency, TimeSpan.FromSeconds(seconds), create);
        var result = new Result(name, load.Requests, load.PerSecond, load.P50, load.P99, load.Max, load.Errors);
        if (!quiet)
        {
            Console.WriteLine($"{name}: {result.Requests} requests, {result.PerSecond:F0} req/s, p50 {result.P50:F2} ms, p99 {result.P99:F2} ms, errors {result.Errors}");
        }

        return result;
    }

    private sealed record Result(string Name, int Requests, double PerSecond, double P50, double P99, double Max, int Errors)
    {
        public override string ToString()
            => string.Create(CultureInfo.InvariantCulture, $"| {Name} | {Requests} | {PerSecond:F0} | {P50:F2} | {P99:F2} | {Max:F1} | {Errors} |");
    }
}
