namespace Bot.Digests.Tests;

/// <summary>Finds the repository root (the folder with Bot.sln) and the shared corpus beside it.</summary>
internal static class RepoPaths
{
    public static string? Root { get; } = Bot.TestSupport.RepoRoot.TryFind();

    /// <summary><c>&lt;repo&gt;/../shared</c> when it exists (CI has it; a fresh clone may not).</summary>
    public static string? Shared { get; } = Root is null ? null : ExistingDirectory(Path.Combine(Root, "..", "shared"));

    public static string SkipReason => Root is null
        ? "Bot.sln was not found above the test output folder, so ../shared cannot be located."
        : $"The shared digest corpus was not found at {Path.GetFullPath(Path.Combine(Root, "..", "shared"))}; conformance over seeds/ and wild/ skipped.";


    private static string? ExistingDirectory(string path) =>
        Directory.Exists(Path.Combine(path, "seeds")) && Directory.Exists(Path.Combine(path, "wild")) ? Path.GetFullPath(path) : null;
}
