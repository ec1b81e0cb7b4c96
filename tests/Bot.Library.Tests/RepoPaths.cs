namespace Bot.Library.Tests;

/// <summary>The repository root (the folder holding Bot.sln) and the optional <c>../shared</c> corpus beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Bot.TestSupport.RepoRoot.Find();

    public static string Samples => Path.Combine(Root, "samples", "digests");

    /// <summary><c>&lt;root&gt;/../shared</c> when it exists (CI), else null (a fresh clone).</summary>
    public static string? Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(Path.Combine(shared, "seeds")) ? shared : null;
        }
    }
}
