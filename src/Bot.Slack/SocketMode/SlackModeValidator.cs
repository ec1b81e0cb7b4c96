using Microsoft.Extensions.Options;

namespace Bot.Slack.SocketMode;

/// <summary>Fails the start when <c>Bot:Slack:Mode</c> misses the token or secret it needs, or <c>Bot:Slack:AppToken</c> is not an app-level token.</summary>
internal sealed class SlackModeValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var mode = options.Mode?.Trim() ?? string.Empty;
        var socket = mode.Equals("Socket", StringComparison.OrdinalIgnoreCase);
        var http = mode.Equals("Http", StringComparison.OrdinalIgnoreCase);
        if (mode.Length > 0 && !socket && !http)
        {
            failures.Add($"Bot:Slack:Mode '{mode}' is not a mode: use Socket (no public URL needed) or Http (Slack posts to /slack/commands), or leave it empty.");
        }
        else if (socket && string.IsNullOrWhiteSpace(options.AppToken))
        {
            failures.Add("Bot:Slack:Mode is Socket, which needs Bot:Slack:AppToken: create an app-level token with the connections:write scope (Basic Information > App-Level Tokens) and set Bot__Slack__AppToken.");
        }
        else if (http && string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            failures.Add("Bot:Slack:Mode is Http, which needs Bot:Slack:SigningSecret (Basic Information > Signing Secret), or use Mode Socket, which needs no public URL.");
        }

        if (!string.IsNullOrWhiteSpace(options.AppToken) && !options.AppToken.Trim().StartsWith("xapp-", StringComparison.Ordinal))
        {
            failures.Add("Bot:Slack:AppToken must be an app-level token (it starts with xapp-); a bot token (xoxb-) belongs in Bot:Slack:BotToken.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
