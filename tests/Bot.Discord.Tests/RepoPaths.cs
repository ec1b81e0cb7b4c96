namespace Bot.Discord.Tests;

/// <summary>Finds the repository (the folder holding Bot.sln) from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SampleDigests => Path.Combine(Root, "samples", "digests");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
