using System.Text;
using Bot.Core.Templates;

namespace Bot.Discord.Rendering;

/// <summary>
/// For Discord text that is not Markdown (embed footers, author names, button labels): only neutralises mentions,
/// since a backslash there would show.
/// </summary>
public sealed class DiscordPlainEncoder : EscapingTextEncoder
{
    /// <summary>The shared instance.</summary>
    public static readonly DiscordPlainEncoder Instance = new();

    /// <inheritdoc />
    public override string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Contains('@', StringComparison.Ordinal)
            ? new StringBuilder(value).Replace("@", "@\u200B").ToString()
            : value;
    }

    /// <inheritdoc />
    protected override string? EscapeScalar(int unicodeScalar) => unicodeScalar == '@' ? "@\u200B" : null;
}
