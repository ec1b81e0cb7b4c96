namespace Bot.Core;

/// <summary>The platform a template folder is for: <c>templates/discord</c> or <c>templates/slack</c>.</summary>
public enum TemplatePlatform
{
    /// <summary>Discord embeds and content.</summary>
    Discord,

    /// <summary>Slack Block Kit and fallback text.</summary>
    Slack,
}
