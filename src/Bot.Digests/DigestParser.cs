namespace Bot.Digests;

/// <summary>Parses digest Markdown into a <see cref="Digest"/>. Never throws for bad content: it warns.</summary>
public sealed class DigestParser
{
    /// <summary>Parses <paramref name="markdown"/>. <paramref name="fileName"/> (no folder) feeds the id, slug and fallback date.</summary>
    public Digest Parse(string markdown, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        throw new NotImplementedException("The digest parser is issue #2.");
    }
}
