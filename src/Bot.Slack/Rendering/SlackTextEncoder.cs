using System.Text;
using Bot.Core.Templates;

namespace Bot.Slack.Rendering;

/// <summary>Escapes a value for Slack <c>mrkdwn</c> and <c>text</c>: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>, so nothing forms a link or a mention.</summary>
public sealed class SlackTextEncoder : EscapingTextEncoder
{
    /// <summary>The shared instance.</summary>
    public static readonly SlackTextEncoder Instance = new();

    /// <inheritdoc />
    public override string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny("&<>") < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    protected override string? EscapeScalar(int unicodeScalar) => unicodeScalar switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        _ => null,
    };
}
