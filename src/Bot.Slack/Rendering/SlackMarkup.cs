using Bot.Core.Templates;
using Bot.Core.Text;


namespace Bot.Slack.Rendering;

/// <summary>Slack's template dialect: <c>templates/slack</c>, <c>mrkdwn</c> escaping and <c>&lt;url|text&gt;</c> links.</summary>
public static class SlackMarkup
{
    /// <summary>The dialect the Slack adapter registers for the template store.</summary>
    public static readonly TemplateDialect Dialect = new("slack", SlackTextEncoder.Instance, Link);

    /// <summary>A Slack link <c>&lt;url|text&gt;</c>, or just the escaped text when the URL is not http(s).</summary>
    public static string Link(string? text, string? url)
    {
        var safe = LinkMarkup.SafeUrl(url, "|<> \"");
        var label = SlackTextEncoder.Instance.Escape(LinkMarkup.Label(text, safe)).Replace('|', '¦');
        return safe is null ? label : $"<{safe}|{label}>";
    }
}
