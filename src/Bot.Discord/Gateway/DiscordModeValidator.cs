using Microsoft.Extensions.Options;

namespace Bot.Discord.Gateway;

/// <summary>Fails the start when <c>Bot:Discord:Mode</c> or <c>Bot:Discord:Shards</c> is missing what it needs or contradicts another setting.</summary>
internal sealed class DiscordModeValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var mode = options.Mode?.Trim() ?? string.Empty;
        if (mode.Length > 0 && !mode.Equals("Gateway", StringComparison.OrdinalIgnoreCase) && !mode.Equals("Http", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Bot:Discord:Mode '{mode}' is not a mode: use Gateway (no public URL needed) or Http (Discord posts to /discord/interactions), or leave it empty.");
        }
        else if (mode.Equals("Gateway", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Bot:Discord:Mode is Gateway, which needs Bot:Discord:BotToken: copy the token from the Discord developer portal (Bot > Reset Token) into Bot__Discord__BotToken.");
        }
        else if (mode.Equals("Http", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.PublicKey))
        {
            failures.Add("Bot:Discord:Mode is Http, which needs Bot:Discord:PublicKey to verify requests: copy it from the developer portal (General Information), or use Mode Gateway, which needs no public URL.");
        }

        if (!GatewayShards.TryParse(options.Shards, out _, out var error))
        {
            failures.Add(error!);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
