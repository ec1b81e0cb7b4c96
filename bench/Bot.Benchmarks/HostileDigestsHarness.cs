using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

using Bot.TestSupport;

namespace Bot.Benchmarks;

/// <summary>
/// <c>-- hostile [dir]</c>: writes every row of issue 13's hostile-digest table at full size, then runs the real CLI
/// (<c>Bot.dll parse FILE --json</c>, a fresh process per row, as the issue measured <c>ingest</c>) under
/// <c>/usr/bin/time -v</c> and prints wall time, peak RSS, exit code and the warning codes. The baseline row is the same
/// verb on a bundled sample digest, measured in the same run.
/// </summary>
internal static partial class HostileDigestsHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "bot-hostile");
        Directory.CreateDirectory(dir);
        var bot = typeof(Bot.Hosting.BotWebHost).Assembly.Location;
        var rows = new List<(string Row, string File)>
        {
            ("baseline: samples/digests sample", Directory.EnumerateFiles(Path.Combine(BenchArgs.RepoRoot(), "samples", "digests"), "*.md").Order(StringComparer.Ordinal).First()),
        };
        foreach (var (row, file, text) in HostileDigests.FullSize().Concat(HostileDigests.WithinCap((int)new Bot.Library.DigestSourcesOptions().MaxSourceBytes)))
        {
            var path = Path.Combine(dir, file);
            await File.WriteAllTextAsync(path, text());
            rows.Add((row, path));
        }

        // On a shared machine wall time is inflated by the load; CPU time (user + sys) is what the file itself cost.
        Console.WriteLine($"load average before: {LoadAverage()}");
        Console.WriteLine("| file | size | wall time | CPU (user+sys) | peak RSS | exit | warnings or error |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (row, path) in rows)
        {
            var start = new ProcessStartInfo("/usr/bin/time", ["-v", "dotnet", bot, "parse", path, "--json"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = await process.StandardError.ReadToEndAsync();
            var json = await stdout;
            await process.WaitForExitAsync();
            var wall = Field(stderr, "Elapsed (wall clock) time");
            var rssKb = long.Parse(Field(stderr, "Maximum resident set size (kbytes)"), CultureInfo.InvariantCulture);
            var exit = Field(stderr, "Exit status");
            var cpu = double.Parse(Field(stderr, "User time (seconds)"), CultureInfo.InvariantCulture) + double.Parse(Field(stderr, "System time (seconds)"), CultureInfo.InvariantCulture);
            var codes = string.Join(", ", CodePattern().Matches(json).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal));
            if (exit != "0")
            {
                codes = stderr.Split('\n').FirstOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal))?.Replace(path, Path.GetFileName(path), StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal) ?? codes;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row} | {new FileInfo(path).Length / 1024.0 / 1024.0:F2} MB | {wall} | {cpu:F2} s | {rssKb / 1024.0:F0} MB | {exit} | {codes} |"));
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string Field(string text, string name)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith(name, StringComparison.Ordinal)) ?? throw new InvalidOperationException($"/usr/bin/time printed no '{name}'");
        return line[(line.LastIndexOf(": ", StringComparison.Ordinal) + 2)..].Trim();
    }

    [GeneratedRegex("\"code\":\\s*\"([a-z-]+)\"")]
    private static partial Regex CodePattern();
}
