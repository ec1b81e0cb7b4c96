using System.Net;
using System.Net.Sockets;
using Bot.Tests.Support;

namespace Bot.Tests.Hosting;

public sealed class PortInUseTests
{
    [Fact]
    public async Task Serve_OnAPortInUse_ExitsNonZero_WithOneLineNamingBotUrls_AndNoStackTrace()
    {
        using var data = new TempDirectory();
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        // A bound for a hang, not a speed check (it returns at the exit): the real process took 86 s of 90 at load 70.
        var run = await BotProcess.RunAsync(["--data", data.Path], new Dictionary<string, string> { ["Bot__Urls"] = $"http://127.0.0.1:{port}" }, TimeSpan.FromMinutes(5));

        var all = run.Stdout + run.Stderr;
        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("Bot:Urls", line, StringComparison.Ordinal);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", all, StringComparison.Ordinal);
    }
}
