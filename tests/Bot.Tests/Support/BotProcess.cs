using System.Diagnostics;

namespace Bot.Tests.Support;

/// <summary>Runs the built host (<c>dotnet Bot.dll …</c>) as a real process until it exits, for what only a process shows.</summary>
public static class BotProcess
{
    /// <summary>
    /// Runs the host with <paramref name="args"/> and <paramref name="environment"/>, without the <c>Bot__</c> variables of
    /// the test's own environment, and kills it if it has not exited within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<BotProcessExit> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepoPaths.BotDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Bot__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return new BotProcessExit(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>How a host process ended: its exit code and everything it wrote.</summary>
public sealed record BotProcessExit(int ExitCode, string Stdout, string Stderr);
