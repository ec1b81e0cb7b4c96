using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Bot.Tests.Support;

namespace Bot.Tests.Scheduling;

public sealed class FirstRunTests
{
    [Fact]
    public async Task Serve_PrintsConsolePosts_OnAFreshDataDirectoryWithNoTokens()
    {
        using var data = new TempDirectory();
        var port = FreePort();
        var output = new StringBuilder();
        var firstPost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { RepoPaths.BotDll, "--data", data.Path })
        {
            start.ArgumentList.Add(arg);
        }

        // The README's first command on a machine with no tokens: only the port differs, so tests can run side by side.
        start.Environment["Bot__Urls"] = $"http://127.0.0.1:{port}";
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Bot__", StringComparison.Ordinal) && k != "Bot__Urls").ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Not a speed check: the time includes starting dotnet and its JIT, which took 57 s of a one-minute limit at load
            // 70 on the 2-core CI machine. It only has to come, and a hang still fails.
            var finished = await Task.WhenAny(firstPost.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(3)));

            Assert.True(firstPost.Task.IsCompleted, $"no console post within {clock.Elapsed.TotalSeconds:F0} s; output:\n{Snapshot()}");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/hangfire", UriKind.Relative))).StatusCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            // Each section post printed by the console poster starts with "[console post · <digest> · <section>]".
            if (line.StartsWith("[console post · ", StringComparison.Ordinal))
            {
                firstPost.TrySetResult();
            }
        }

        string Snapshot()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    [Fact]
    public async Task Serve_ExitsWithOneLinePerProblem_NamingTheSettingAndTheFix_WhenConfigurationIsBad()
    {
        using var data = new TempDirectory();
        var run = await BotProcess.RunAsync(["--data", data.Path], new Dictionary<string, string>
        {
            ["Bot__Urls"] = $"http://127.0.0.1:{FreePort()}",
            ["Bot__Subscriptions__0__Cron"] = "every monday",
            ["Bot__Subscriptions__0__Target"] = "slack:channel:C0123",
            ["Bot__Subscriptions__0__TimeZone"] = "Asia/Seol",
        }, TimeSpan.FromMinutes(5)); // A bound for a hang: it returns at the exit (13 s of 60 at load 70).

        var error = run.Stderr.Trim();
        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal); // no stack trace
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("Bot:Subscriptions:0:Cron ('weekly-console'): 'every monday' is not a cron expression: write five fields", error, StringComparison.Ordinal);
        Assert.Contains("Bot:Subscriptions:0:TimeZone ('weekly-console'): 'Asia/Seol' is not a time zone; use an IANA name", error, StringComparison.Ordinal);
        Assert.Contains("posts to a slack channel, but Bot:Slack:BotToken is empty; set the environment variable Bot__Slack__BotToken", error, StringComparison.Ordinal);
        Assert.DoesNotContain("[console post", run.Stdout, StringComparison.Ordinal); // nothing ran half-configured
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
