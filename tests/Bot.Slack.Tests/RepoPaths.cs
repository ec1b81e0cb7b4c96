namespace Bot.Slack.Tests;

/// <summary>Paths in the repository, found by walking up to <c>Bot.sln</c>.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Bot.TestSupport.RepoRoot.Find();

    public static string SampleDigests => Path.Combine(Root, "samples", "digests");
}
