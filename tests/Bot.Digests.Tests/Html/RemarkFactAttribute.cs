namespace Bot.Digests.Tests.Html;

/// <summary>A fact that reports itself skipped, with the reason, when remark is not installed (see .ci/run).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RemarkFactAttribute : FactAttribute
{
    public RemarkFactAttribute()
    {
        var dir = RemarkParityTests.RemarkDir;
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "rehype-stringify")))
        {
            Skip = $"remark is not installed in {dir} (.ci/run installs it with npm; or set BOT_REMARK_DIR)";
        }
    }
}
