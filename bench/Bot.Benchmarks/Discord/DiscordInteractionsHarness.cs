using System.Globalization;
using System.Net;
using System.Text;
using Bot.Discord.Interactions;
using Bot.Hosting;
using Bot.Library;
using Bot.TestSupport.FakeDiscord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Benchmarks.Discord;

/// <summary>
/// <c>discord-interactions [--seconds 10] [--concurrency 16]</c>: signed <c>/papers</c> interactions against the real host on
/// loopback (Kestrel, Ed25519 check, parse, search, render), beside a bare endpoint on the same host, with the load
/// generator in the same process. Reports throughput and latency percentiles of both.
/// </summary>
internal static class DiscordInteractionsHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = BenchArgs.Number(args, "--seconds", 10);
        var concurrency = (int)BenchArgs.Number(args, "--concurrency", 16);
        var root = BenchArgs.RepoRoot();
        var data = Directory.CreateTempSubdirectory("bot-bench-discord-").FullName;
        Directory.SetCurrentDirectory(data); // no appsettings.json here: no subscriptions post while measuring
        using var signer = new InteractionSigner();
        string[] hostArgs =
        [
            "--urls=http://127.0.0.1:0",
            $"--Bot:Discord:PublicKey={signer.PublicKeyHex}",
            "--Bot:Discord:ApplicationId=100000000000000001",
            "--Bot:Digests:Watch=false",
            $"--Bot:Templates:Path={Path.Combine(root, "templates")}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
        ];
        var app = BotWebHost.Build(hostArgs, data);
        var bare = """{"type":1}"""u8.ToArray();
        app.MapPost("/bench/bare", async context =>
        {
            // Reads the body like the real endpoint, and answers a fixed JSON: the host's floor.
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(bare);
        });
        await app.StartAsync();
        try
        {
            await app.Services.GetRequiredService<DigestLibrary>().IngestAsync([Path.Combine(root, "samples", "digests")]);
            var address = Bot.TestSupport.Loopback.AddressOf(app);
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = new Uri(address) };
            var json = """{"id":"800","application_id":"100000000000000001","type":2,"token":"bench","version":1,"guild_id":"1","channel_id":"2","data":{"id":"900","name":"papers","type":1,"options":[{"name":"query","type":3,"value":"Sparse Mixture Routing"}]}}""";
            var body = Encoding.UTF8.GetBytes(json);
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var signature = signer.Sign(timestamp, body);

            using var check = await client.SendAsync(Request(DiscordInteractionsEndpoint.Path, body, signature, timestamp));
            var answer = await check.Content.ReadAsStringAsync();
            if (check.StatusCode != HttpStatusCode.OK || !answer.StartsWith("""{"type":4""", StringComparison.Ordinal) || !answer.Contains("Sparse Mixture Routing", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"error: /papers did not answer inline: {(int)check.StatusCode} {answer[..Math.Min(200, answer.Length)]}");
                return 1;
            }

            Console.WriteLine($"discord-interactions: {concurrency} concurrent clients, {seconds:0} s per endpoint, {Environment.ProcessorCount} cores, load generator in-process");
            foreach (var (name, path) in new[] { ("bare endpoint", "/bench/bare"), ("signed /papers", DiscordInteractionsEndpoint.Path) })
            {
                await HttpLoad.RunAsync(client, concurrency, TimeSpan.FromSeconds(2), _ => Request(path, body, signature, timestamp));
                var result = await HttpLoad.RunAsync(client, concurrency, TimeSpan.FromSeconds(seconds), _ => Request(path, body, signature, timestamp));
                Console.WriteLine($"  {name,-15} {result.PerSecond,8:0} req/s   p50 {result.P50,6:0.00} ms   p99 {result.P99,6:0.00} ms   max {result.Max,7:0.00} ms   errors {result.Errors}");
            }

            return 0;
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
                // Best effort: the temp folder is cleaned by the system eventually.
            }
        }
    }

    private static HttpRequestMessage Request(string path, byte[] body, string signature, string timestamp)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }
}
