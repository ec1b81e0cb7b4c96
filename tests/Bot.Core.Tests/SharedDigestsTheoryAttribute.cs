namespace Bot.Core.Tests;

/// <summary>A theory over the third-party digests in <c>../shared</c>; skipped, with the reason, when that folder is absent.</summary>
public sealed class SharedDigestsTheoryAttribute : TheoryAttribute
{
    public SharedDigestsTheoryAttribute()
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.Shared, "seeds")) && !Directory.Exists(Path.Combine(RepoPaths.Shared, "wild")))
        {
            Skip = $"No third-party digests: {RepoPaths.Shared} (seeds/, wild/) is not present next to the repository.";
        }
    }
}
