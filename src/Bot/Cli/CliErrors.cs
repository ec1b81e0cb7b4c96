namespace Bot.Cli;

/// <summary>Turns exceptions into the one-line message a user reads after <c>error:</c>.</summary>
internal static class CliErrors
{
    /// <summary>A single line: the message, without type names or stack.</summary>
    public static string Describe(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var inner = ex is AggregateException { InnerExceptions.Count: 1 } agg ? agg.InnerExceptions[0] : ex;
        if (inner is Microsoft.Extensions.Options.OptionsValidationException options)
        {
            return string.Join("; ", options.Failures);
        }

        return inner.Message.ReplaceLineEndings(" ");
    }
}
