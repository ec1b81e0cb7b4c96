namespace Bot.Discord.Gateway;

/// <summary>How Discord interactions reach the bot.</summary>
public enum DiscordMode
{
    /// <summary>Neither transport is configured: the bot only posts (or does nothing on Discord).</summary>
    None,

    /// <summary>The bot opens a Gateway WebSocket with its token; no public URL is needed.</summary>
    Gateway,

    /// <summary>Discord posts signed interactions to <c>/discord/interactions</c>.</summary>
    Http,
}
