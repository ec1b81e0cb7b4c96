namespace Bot.Tests.Support;

/// <summary>Paths in the repository, found by walking up from the test binaries to <c>Bot.sln</c>.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Bot.TestSupport.RepoRoot.Find();

    public static string SampleDigests => Path.Combine(Root, "samples", "digests");

    /// <summary>The built host (<c>src/Bot/bin/&lt;configuration&gt;/net10.0/Bot.dll</c>), built with this test project.</summary>
    public static string BotDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
            var built = Path.Combine(Root, "src", "Bot", "bin", configuration, "net10.0", "Bot.dll");
            return File.Exists(built) ? built : Path.Combine(AppContext.BaseDirectory, "Bot.dll");
        }
    }
}
