namespace Bot.Digests.Tests;

/// <summary>A fact that reports itself skipped, with the reason, when <c>../shared</c> is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedCorpusFactAttribute : FactAttribute
{
    public SharedCorpusFactAttribute()
    {
        if (RepoPaths.Shared is null)
        {
            Skip = RepoPaths.SkipReason;
        }
    }
}
