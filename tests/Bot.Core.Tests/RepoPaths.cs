namespace Bot.Core.Tests;

/// <summary>Finds the repository root (the folder holding Bot.sln) from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Bot.TestSupport.RepoRoot.Find();

    public static string Templates => Path.Combine(Root, "templates");

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));
}
