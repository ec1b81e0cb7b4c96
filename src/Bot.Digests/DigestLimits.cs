namespace Bot.Digests;

/// <summary>
/// Bounds on what one digest may cost to parse, so a hostile or broken file is refused or cut with a warning instead of
/// taking minutes and gigabytes (issue 13's hostile-digest table).
/// </summary>
public sealed record DigestLimits
{
    /// <summary>The defaults: far above any real digest (the largest seen is under 200 KB).</summary>
    public static DigestLimits Default { get; } = new();

    /// <summary>
    /// Longest text parsed, in characters; a longer file is refused with <c>file-too-large</c>. The default matches the
    /// default source cap (<c>Bot:Digests:MaxSourceBytes</c>, 4 MiB): UTF-8 never has more characters than bytes.
    /// </summary>
    public int MaxFileChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>The defaults, with the character bound set to a source cap in bytes (a text within the cap is never refused).</summary>
    public static DigestLimits ForSourceBytes(long maxSourceBytes)
        => Default with { MaxFileChars = (int)Math.Clamp(maxSourceBytes, 1, int.MaxValue) };

    /// <summary>References kept per entry; the rest are dropped with <c>references-cut</c>.</summary>
    public int MaxReferencesPerEntry { get; init; } = 1_000;

    /// <summary>Unclosed brackets or link destinations in one paragraph before it is read as plain text (<c>markdown-degraded</c>).</summary>
    public int MaxBracketsPerParagraph { get; init; } = 2_000;

    /// <summary>Container depth (list, quote markers and indentation) before nesting is flattened (<c>nesting-too-deep</c>).</summary>
    public int MaxNestingDepth { get; init; } = 32;

    /// <summary>Warnings kept per code; the rest are counted in one <c>warnings-cut</c> warning.</summary>
    public int MaxWarningsPerCode { get; init; } = 200;
}
