namespace Bot.Slack;

/// <summary>Settings of the Slack adapter, bound from <c>Bot:Slack</c>.</summary>
public sealed class SlackOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Bot:Slack";

    /// <summary>
    /// How commands arrive: <c>Socket</c> (Socket Mode: the bot opens a WebSocket with <see cref="AppToken"/>; no public URL) or
    /// <c>Http</c> (Slack posts to <c>/slack/commands</c>). Empty: an app-level token means Socket, a signing secret means Http.
    /// </summary>
    public string Mode { get; set; } = string.Empty;

    /// <summary>The app-level token (<c>xapp-…</c>, scope <c>connections:write</c>) that opens Socket Mode connections. A secret.</summary>
    public string AppToken { get; set; } = string.Empty;

    /// <summary>The bot token (<c>xoxb-…</c>) for the Web API; needed for <c>slack:channel:</c> targets.</summary>
    public string BotToken { get; set; } = string.Empty;

    /// <summary>The app's signing secret; requests to <c>/slack/*</c> are refused while it is empty.</summary>
    public string SigningSecret { get; set; } = string.Empty;

    /// <summary>The Web API base URL (tests point it at the fake).</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api";

    /// <summary>Users allowed to run <c>/subscribe</c>, <c>/unsubscribe</c> and <c>/subscriptions</c>, besides workspace admins.</summary>
    public string[] AdminUserIds { get; set; } = [];

    /// <summary>Spacing between two messages to the same channel (Slack allows about one per second).</summary>
    public TimeSpan PostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a slash command may take before it is acknowledged and answered through <c>response_url</c>.</summary>
    public TimeSpan InlineReplyBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Spacing between two calls of conversations.history (and of conversations.replies): Slack allows apps distributed
    /// outside its directory one call a minute per method, 15 messages each.
    /// </summary>
    public TimeSpan HistoryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per call, for 429, 5xx and timeouts.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First backoff delay after a 5xx or timeout; doubled per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
