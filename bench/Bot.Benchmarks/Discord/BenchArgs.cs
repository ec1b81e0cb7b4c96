using System.Globalization;

namespace Bot.Benchmarks.Discord;

/// <summary>Reads <c>--name value</c> pairs of a harness.</summary>
internal static class BenchArgs
{
    public static double Number(string[] args, string name, double fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && double.TryParse(args[index + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    public static string RepoRoot() => Bot.TestSupport.RepoRoot.TryFind() ?? Directory.GetCurrentDirectory();
}
