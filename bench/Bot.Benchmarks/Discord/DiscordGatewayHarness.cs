using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Discord.Gateway;
using Bot.Discord.Interactions;
using Bot.Hosting;
using Bot.Library;
using Bot.TestSupport.FakeDiscord;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Benchmarks.Discord;

/// <summary>
/// <c>discord-gateway [--seconds 10] [--concurrency 16] [--drops 40] [--idle-seconds 10] [--part all|load|idle]</c>, three parts on one host that
/// runs both transports against the fake Discord (REST + Gateway, default 1 s heartbeat):
/// (1) <c>/papers</c> over the gateway (dispatch → callback received) beside the same signed <c>/papers</c> over HTTP;
/// (2) dropped socket → RESUMED, and → the next interaction answered, repeated <c>--drops</c> times;
/// (3) an idle connection for 10 simulated minutes (heartbeat interval 41.25 s scaled to <c>--idle-seconds</c>): managed
/// heap before connecting, after, and at the end, and bytes allocated while idle.
/// </summary>
internal static class DiscordGatewayHarness
{
    private static string? _originalDirectory;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = BenchArgs.Number(args, "--seconds", 10);
        var concurrency = BenchArgs.Integer(args, "--concurrency", 16);
        var drops = BenchArgs.Integer(args, "--drops", 40);
        var idleSeconds = BenchArgs.Number(args, "--idle-seconds", 10);
        Console.WriteLine($"discord-gateway: {Environment.ProcessorCount} cores, fakes and load generator in-process");
        var part = BenchArgs.Text(args, "--part") ?? "all"; // all | load | idle
        var code = part is "all" or "load" ? await ThroughputAndDropsAsync(seconds, concurrency, drops) : 0;
        return code != 0 || part == "load" ? code : await IdleAsync(idleSeconds);
    }

    private static async Task<int> ThroughputAndDropsAsync(double seconds, int concurrency, int drops)
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(fake);
        using var signer = new InteractionSigner();
        var (app, data) = await StartHostAsync(fake, signer.PublicKeyHex);
        try
        {
            await WaitAsync(() => gateway.IsLive());
            var address = Bot.TestSupport.Loopback.AddressOf(app);
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(address) };
            var json = """{"id":"800","application_id":"100000000000000001","type":2,"token":"bench","version":1,"guild_id":"1","channel_id":"2","data":{"id":"900","name":"papers","type":1,"options":[{"name":"query","type":3,"value":"Sparse Mixture Routing"}]}}""";
            var body = Encoding.UTF8.GetBytes(json);
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var signature = signer.Sign(timestamp, body);
            HttpRequestMessage Request(int _)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, DiscordInteractionsEndpoint.Path) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                request.Headers.Add("X-Signature-Ed25519", signature);
                request.Headers.Add("X-Signature-Timestamp", timestamp);
                return request;
            }

            foreach (var pass in new[] { "cold", "warm" })
            {
                var duration = TimeSpan.FromSeconds(pass == "cold" ? 2 : seconds);
                var http = await HttpLoad.RunAsync(client, concurrency, duration, Request);
                var overGateway = await GatewayLoadAsync(gateway, concurrency, duration, json);
                Console.WriteLine($"  {pass} HTTP /papers     {http.PerSecond,8:0} req/s   p50 {http.P50,7:0.00} ms   p99 {http.P99,7:0.00} ms   errors {http.Errors}");
                Console.WriteLine($"  {pass} gateway /papers  {overGateway.PerSecond,8:0} int/s   p50 {overGateway.P50,7:0.00} ms   p99 {overGateway.P99,7:0.00} ms   errors {overGateway.Errors}");
            }

            var resumed = new List<double>();
            var served = new List<double>();
            for (var i = 0; i < drops; i++)
            {
                var resumes = gateway.Resumes;
                var started = Stopwatch.GetTimestamp();
                gateway.DropConnections();
                var id = gateway.DispatchInteraction((JsonObject)JsonNode.Parse(json)!);
                await WaitAsync(() => gateway.Resumes > resumes && gateway.IsLive());
                resumed.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                await gateway.WaitForCallbackAsync(id).WaitAsync(TimeSpan.FromSeconds(30));
                served.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            resumed.Sort();
            served.Sort();
            Console.WriteLine($"  drop → RESUMED            n={drops}   p50 {HttpLoad.Percentile(resumed, 0.5),7:0} ms   p99 {HttpLoad.Percentile(resumed, 0.99),7:0} ms   max {resumed[^1],7:0} ms");
            Console.WriteLine($"  drop → interaction answered n={drops} p50 {HttpLoad.Percentile(served, 0.5),7:0} ms   p99 {HttpLoad.Percentile(served, 0.99),7:0} ms   max {served[^1],7:0} ms   (identifies {gateway.Identifies}, resumes {gateway.Resumes})");
            return 0;
        }
        finally
        {
            await StopHostAsync(app, data);
        }
    }

    private static async Task<HttpLoadResult> GatewayLoadAsync(FakeDiscordGateway gateway, int concurrency, TimeSpan duration, string json)
    {
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(1 << 14);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var begin = Stopwatch.GetTimestamp();
                var id = gateway.DispatchInteraction((JsonObject)JsonNode.Parse(json)!);
                var callback = await gateway.WaitForCallbackAsync(id).WaitAsync(TimeSpan.FromSeconds(10));
                mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                if (callback.Type != 4)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new HttpLoadResult(all.Length, all.Length / elapsed, HttpLoad.Percentile(all, 0.50), HttpLoad.Percentile(all, 0.99), all.Length == 0 ? 0 : all[^1], errors);
    }

    private static async Task<int> IdleAsync(double idleSeconds)
    {
        // Discord's usual interval, scaled so that idleSeconds of wall time are 10 minutes of heartbeats.
        var scale = idleSeconds / 600.0;
        var options = new FakeGatewayOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(41_250 * scale) };
        await using var fake = await FakeDiscordServer.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(fake, options);
        var (app, data) = await StartHostAsync(fake, null, connect: false);
        try
        {
            var before = Heap();
            var status = app.Services.GetRequiredService<DiscordGatewayStatus>();
            await app.StartAsync();
            await WaitAsync(() => gateway.IsLive());
            var connected = Heap();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
            var allocatedIdle = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            var after = Heap();
            Console.WriteLine($"  idle gateway, 10 simulated minutes ({gateway.Heartbeats} heartbeats, status {(status.AllConnected ? "connected" : "not connected")}): heap before connect {before / 1024.0:0} KiB, connected {connected / 1024.0:0} KiB (Δ {(connected - before) / 1024.0:+0;-0} KiB), after 10 min {after / 1024.0:0} KiB (Δ {(after - connected) / 1024.0:+0;-0} KiB); allocated while idle {allocatedIdle / 1024.0:0} KiB ({allocatedIdle / Math.Max(1, gateway.Heartbeats):0} B per heartbeat, whole process)");
            return 0;
        }
        finally
        {
            await StopHostAsync(app, data);
        }
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<(WebApplication App, string Data)> StartHostAsync(FakeDiscordServer fake, string? publicKey, bool connect = true)
    {
        var root = BenchArgs.RepoRoot();
        var data = Directory.CreateTempSubdirectory("bot-bench-gateway-").FullName;
        _originalDirectory ??= Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(data); // no appsettings.json here: no subscriptions post while measuring
        string[] hostArgs =
        [
            "--urls=http://127.0.0.1:0",
            "--Bot:Discord:Mode=Gateway",
            $"--Bot:Discord:PublicKey={publicKey ?? string.Empty}",
            $"--Bot:Discord:BotToken={fake.Options.BotToken}",
            $"--Bot:Discord:ApiBaseUrl={fake.ApiBaseUrl}",
            $"--Bot:Discord:ApplicationId={fake.Options.ApplicationId}",
            "--Bot:Digests:Watch=false",
            $"--Bot:Templates:Path={Path.Combine(root, "templates")}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
            "--Logging:LogLevel:Bot.Discord.Gateway.DiscordGatewayService=Error", // the drops below are deliberate
        ];
        var app = BotWebHost.Build(hostArgs, data);
        if (connect)
        {
            await app.StartAsync();
            await app.Services.GetRequiredService<DigestLibrary>().IngestAsync([Path.Combine(root, "samples", "digests")]);
        }

        return (app, data);
    }

    private static async Task StopHostAsync(WebApplication app, string data)
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.SetCurrentDirectory(_originalDirectory!);
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("the gateway did not get there in 30 s");
            }

            await Task.Delay(1);
        }
    }
}
