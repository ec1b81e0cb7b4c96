using System.Globalization;

namespace Bot.Benchmarks;

/// <summary>Reads the <c>--name value</c> pairs of a harness, and where the repository is.</summary>
internal static class BenchArgs
{
    /// <summary>The value after <paramref name="name"/>, or null.</summary>
    public static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>The number after <paramref name="name"/>, or <paramref name="fallback"/> when it is missing or not a number.</summary>
    public static double Number(string[] args, string name, double fallback) =>
        double.TryParse(Text(args, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>The integer after <paramref name="name"/>, or <paramref name="fallback"/> when it is missing or not an integer.</summary>
    public static int Integer(string[] args, string name, int fallback) =>
        int.TryParse(Text(args, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public static string RepoRoot() => Bot.TestSupport.RepoRoot.TryFind() ?? Directory.GetCurrentDirectory();
}
