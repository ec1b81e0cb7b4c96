using Bot.Core.Templates;
using Bot.Core.Text;


namespace Bot.Discord.Rendering;

/// <summary>Discord's template dialect: <c>templates/discord</c>, Discord Markdown escaping and masked links.</summary>
public static class DiscordMarkup
{
    /// <summary>The dialect the Discord adapter registers for the template store.</summary>
    public static readonly TemplateDialect Dialect = new("discord", DiscordMarkdownEncoder.Instance, Link);

    /// <summary>A Discord masked link <c>[text](url)</c>, or just the escaped text when the URL is not http(s).</summary>
    public static string Link(string? text, string? url)
    {
        var safe = LinkMarkup.SafeUrl(url, "()<>[] \"`");
        var label = DiscordMarkdownEncoder.Instance.Escape(LinkMarkup.Label(text, safe));
        return safe is null ? label : $"[{label}]({safe})";
    }
}
