namespace Bot.TestSupport;

/// <summary>The repository root: the folder holding <c>Bot.sln</c>, found by walking up from the test binaries.</summary>
public static class RepoRoot
{
    /// <summary>The root, or null when the tests run outside a checkout.</summary>
    public static string? TryFind()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The root; throws when the tests run outside a checkout.</summary>
    public static string Find() => TryFind() ?? throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
}
