namespace Bot.Discord.Tests;

/// <summary>Finds the repository (the folder holding Bot.sln) from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Bot.TestSupport.RepoRoot.Find();

    public static string SampleDigests => Path.Combine(Root, "samples", "digests");
}
