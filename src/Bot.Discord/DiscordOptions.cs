using System.ComponentModel.DataAnnotations;

namespace Bot.Discord;

/// <summary>Settings of the Discord adapter, bound from <c>Bot:Discord</c>.</summary>
public sealed class DiscordOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Bot:Discord";

    /// <summary>
    /// How interactions arrive: <c>Gateway</c> (a WebSocket the bot opens; no public URL) or <c>Http</c>
    /// (<c>POST /discord/interactions</c>). Empty: a bot token without a public key means Gateway, a public key means Http.
    /// </summary>
    public string Mode { get; set; } = string.Empty;

    /// <summary>Gateway shards run by this host: <c>auto</c> (Discord's recommended count, all here) or <c>ids/count</c> such as <c>0-3/16</c>.</summary>
    public string Shards { get; set; } = "auto";

    /// <summary>The application (client) id from the Discord developer portal.</summary>
    public string ApplicationId { get; set; } = string.Empty;

    /// <summary>The application's Ed25519 public key (64 hex characters) that signs interactions.</summary>
    public string PublicKey { get; set; } = string.Empty;

    /// <summary>The bot token. A secret: set it through <c>Bot__Discord__BotToken</c> or user-secrets.</summary>
    public string BotToken { get; set; } = string.Empty;

    /// <summary>The REST API base URL; tests point it at the fake.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>The URL in the <c>User-Agent: DiscordBot (url, version)</c> header.</summary>
    public string ProjectUrl { get; set; } = "https://github.com/bot-newsletter/bot";

    /// <summary>How long an interaction may take before it is deferred (type 5) and answered by editing <c>@original</c>.</summary>
    public TimeSpan InlineReplyTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time allowed for one HTTP request before it counts as a timeout and is retried.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries of a request after a 5xx, a timeout or a 429.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>Discord's global limit: requests per second for the bot.</summary>
    [Range(1, 10_000)]
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>The window of the global limit (one second on Discord; benchmarks against a scaled fake shorten it).</summary>
    public TimeSpan GlobalWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Stop sending after this many 401/403/429 answers in 10 minutes (Discord bans at 10,000).</summary>
    [Range(1, 9_999)]
    public int InvalidRequestBudget { get; set; } = 5_000;

    /// <summary>Role ids whose members may /subscribe and /unsubscribe without Manage Channels.</summary>
    public List<string> SubscriptionManagerRoleIds { get; set; } = [];
}
