namespace Bot.Core.Tests;

/// <summary>(Compiled into the adapters' test projects too.) A theory over the third-party digests in <c>../shared</c>; skipped, with the reason, when that folder is absent.</summary>
public sealed class SharedDigestsTheoryAttribute : TheoryAttribute
{
    public SharedDigestsTheoryAttribute()
    {
        if (RepoPaths.Shared is null)
        {
            Skip = RepoPaths.SkipReason;
        }
    }
}
