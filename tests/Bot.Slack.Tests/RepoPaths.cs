namespace Bot.Slack.Tests;

/// <summary>Paths in the repository, found by walking up to <c>Bot.sln</c>.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SampleDigests => Path.Combine(Root, "samples", "digests");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
