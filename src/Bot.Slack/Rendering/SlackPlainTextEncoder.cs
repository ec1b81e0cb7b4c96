using Bot.Core.Templates;


namespace Bot.Slack.Rendering;

/// <summary>
/// For Slack <c>plain_text</c> objects (headers, button labels), which show text literally: entities would show as
/// typed, so nothing is escaped, but a zero-width space after every <c>&lt;</c> keeps any mention syntax inert.
/// </summary>
public sealed class SlackPlainTextEncoder : EscapingTextEncoder
{
    /// <summary>The shared instance.</summary>
    public static readonly SlackPlainTextEncoder Instance = new();

    /// <inheritdoc />
    public override string Escape(string value)
        => value is null ? string.Empty : value.Replace("<", "<\u200B", StringComparison.Ordinal);

    /// <inheritdoc />
    protected override string? EscapeScalar(int unicodeScalar) => unicodeScalar == '<' ? "<\u200B" : null;
}
