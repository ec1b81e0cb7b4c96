namespace Bot.Discord.Rest;

/// <summary>
/// A Discord webhook URL reduced to what matters: its id and token. The URLs Discord hands out carry no API version
/// (<c>https://discord.com/api/webhooks/{id}/{token}</c>), so using them as pasted runs on Discord's deprecated default
/// version; the client calls <c>{ApiBaseUrl}/webhooks/{id}/{token}</c> instead.
/// </summary>
/// <param name="Id">The webhook's snowflake id.</param>
/// <param name="Token">The webhook's secret token: never log it.</param>
public sealed record DiscordWebhookUrl(string Id, string Token)
{
    private static readonly string[] Hosts =
    [
        "discord.com", "ptb.discord.com", "canary.discord.com",
        "discordapp.com", "ptb.discordapp.com", "canary.discordapp.com",
    ];

    /// <summary>Parses <c>https://[ptb.|canary.]discord[app].com/api[/vNN]/webhooks/{id}/{token}</c>, or explains in one line why not.</summary>
    public static bool TryParse(string? text, out DiscordWebhookUrl? webhook, out string? error)
    {
        webhook = null;
        error = null;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || !Hosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase)
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0
            || !uri.IsDefaultPort)
        {
            error = "is not a Discord webhook URL; copy it from the channel's Integrations > Webhooks > Copy Webhook URL (https://discord.com/api/webhooks/<id>/<token>)";
            return false;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = segments.Length > 0 && segments[0] == "api" ? 1 : -1;
        if (at == 1 && segments.Length > 1 && IsVersion(segments[1]))
        {
            at = 2;
        }

        if (at < 0 || segments.Length != at + 3 || segments[at] != "webhooks"
            || !IsSnowflake(segments[at + 1]) || !IsToken(segments[at + 2]))
        {
            error = "is not a Discord webhook URL; it must end in /api/webhooks/<numeric id>/<token> as Discord's Copy Webhook URL gives it";
            return false;
        }

        webhook = new DiscordWebhookUrl(segments[at + 1], segments[at + 2]);
        return true;
    }

    /// <summary>Parses or throws a <see cref="DiscordRestException"/> whose message is safe to log.</summary>
    public static DiscordWebhookUrl Parse(string text)
        => TryParse(text, out var webhook, out var error)
            ? webhook!
            : throw new DiscordRestException($"The webhook URL {error}.", null, null, null, transient: false);

    /// <summary>Only the id: the token is the credential.</summary>
    public override string ToString() => $"webhook {Id}";

    private static bool IsVersion(string segment)
        => segment.Length is 2 or 3 && segment[0] == 'v' && segment[1..].All(char.IsAsciiDigit);

    private static bool IsSnowflake(string segment)
        => segment.Length is > 0 and <= 20 && segment.All(char.IsAsciiDigit);

    private static bool IsToken(string segment)
        => segment.Length is > 0 and <= 100 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
