namespace Bot.Digests.Tests.Html;

/// <summary>A fact that reports itself skipped, with the reason, when Ruby kramdown is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KramdownFactAttribute : FactAttribute
{
    public KramdownFactAttribute()
    {
        if (ExternalRenderer.KramdownMissing is { } reason)
        {
            Skip = reason;
        }
    }
}
