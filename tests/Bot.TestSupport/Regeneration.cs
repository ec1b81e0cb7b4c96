using Xunit;

namespace Bot.TestSupport;

/// <summary>
/// Regenerating expected files (<c>BOT_UPDATE_GOLDEN=1</c>, <c>BOT_UPDATE_SPECS=1</c>) writes them and then fails the run,
/// so a regenerated suite can never pass by itself: someone reviews the diff and runs the tests again without the variable.
/// Under <c>CI=true</c> it refuses to write at all.
/// </summary>
public static class Regeneration
{
    /// <summary>
    /// When <paramref name="variable"/> is <c>1</c>: writes <paramref name="content"/> to <paramref name="path"/> and fails
    /// (or fails without writing under CI). Otherwise does nothing and the caller compares as usual.
    /// </summary>
    public static void WriteAndFailIfRequested(string variable, string path, string content, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (environment(variable) != "1")
        {
            return;
        }

        if (string.Equals(environment("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{variable}=1 under CI=true: expected files are never regenerated in CI; regenerate locally and commit the reviewed diff.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var before = File.Exists(path) ? File.ReadAllText(path) : null;
        File.WriteAllText(path, content);
        Assert.Fail($"{variable}=1 wrote {path} ({(before == content ? "unchanged" : before is null ? "new" : "changed")}); review the diff, then run the tests again without {variable}.");
    }
}
