namespace Bot.Core;

/// <summary>Leaves values as they are: for Slack <c>plain_text</c> objects, which show text literally and cannot mention.</summary>
public sealed class PlainTextEncoder : EscapingTextEncoder
{
    /// <summary>The shared instance.</summary>
    public static readonly PlainTextEncoder Instance = new();

    /// <inheritdoc />
    public override string Escape(string value) => value ?? string.Empty;

    /// <inheritdoc />
    protected override string? EscapeScalar(int unicodeScalar) => null;
}
