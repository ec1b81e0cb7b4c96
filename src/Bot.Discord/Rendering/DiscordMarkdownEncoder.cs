using System.Text;
using Bot.Core.Templates;

namespace Bot.Discord.Rendering;

/// <summary>
/// Escapes a value for Discord Markdown (embed descriptions, field values, titles, content): backslash before Markdown
/// control characters, line-start markers escaped, and mentions neutralised with a zero-width space after every <c>@</c>.
/// </summary>
public sealed class DiscordMarkdownEncoder : EscapingTextEncoder
{
    /// <summary>The zero-width space that breaks <c>@everyone</c>, <c>@here</c> and <c>&lt;@id&gt;</c>.</summary>
    public const char ZeroWidthSpace = '\u200B';

    /// <summary>The shared instance.</summary>
    public static readonly DiscordMarkdownEncoder Instance = new();

    /// <inheritdoc />
    public override string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 16);
        var lineStart = true;
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '<' or '>':
                    builder.Append('\\').Append(c);
                    break;
                case '#' or '-' or '+' when lineStart:
                    builder.Append('\\').Append(c);
                    break;
                case '@':
                    builder.Append('@').Append(ZeroWidthSpace);
                    break;
                default:
                    builder.Append(c);
                    break;
            }

            lineStart = c == '\n' || (lineStart && c is ' ' or '\t');
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    protected override string? EscapeScalar(int unicodeScalar) => unicodeScalar switch
    {
        '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '<' or '>' or '#' => "\\" + (char)unicodeScalar,
        '@' => "@\u200B",
        _ => null,
    };
}
