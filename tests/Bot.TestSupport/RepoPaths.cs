namespace Bot.TestSupport;

/// <summary>Paths in the repository (the folder holding <c>Bot.sln</c>) and the <c>../shared</c> corpus beside it, for every test project.</summary>
public static class RepoPaths
{
    /// <summary>The repository root; throws when the tests run outside a checkout.</summary>
    public static string Root { get; } = RepoRoot.Find();

    /// <summary><c>samples/digests</c>.</summary>
    public static string SampleDigests => Path.Combine(Root, "samples", "digests");

    /// <summary>The same folder as <see cref="SampleDigests"/>.</summary>
    public static string Samples => SampleDigests;

    /// <summary>The shipped Liquid templates, <c>templates/</c>.</summary>
    public static string Templates => Path.Combine(Root, "templates");

    /// <summary><c>&lt;root&gt;/../shared</c> when it holds the third-party corpus (<c>seeds/</c>), else null (a fresh clone).</summary>
    public static string? Shared { get; } = ExistingCorpus(Path.GetFullPath(Path.Combine(Root, "..", "shared")));

    /// <summary>Why tests over <c>../shared</c> are skipped when <see cref="Shared"/> is null.</summary>
    public static string SkipReason
        => $"The shared digest corpus was not found at {Path.GetFullPath(Path.Combine(Root, "..", "shared"))}; tests over seeds/ and wild/ skipped.";

    /// <summary>The built host (<c>src/Bot/bin/&lt;configuration&gt;/net10.0/Bot.dll</c>), built with the test project.</summary>
    public static string BotDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
            var built = Path.Combine(Root, "src", "Bot", "bin", configuration, "net10.0", "Bot.dll");
            return File.Exists(built) ? built : Path.Combine(AppContext.BaseDirectory, "Bot.dll");
        }
    }

    private static string? ExistingCorpus(string path) => Directory.Exists(Path.Combine(path, "seeds")) ? path : null;
}
