namespace Bot.Slack.SocketMode;

/// <summary>How Slack commands reach the bot.</summary>
public enum SlackMode
{
    /// <summary>Neither transport is configured: the bot only posts.</summary>
    None,

    /// <summary>Socket Mode: the bot opens a WebSocket with its app-level token; no public URL is needed.</summary>
    Socket,

    /// <summary>Slack posts signed requests to <c>/slack/commands</c> and <c>/slack/interactions</c>.</summary>
    Http,
}
