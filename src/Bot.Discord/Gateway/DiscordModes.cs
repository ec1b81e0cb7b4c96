namespace Bot.Discord.Gateway;

/// <summary>Resolves <see cref="DiscordOptions.Mode"/>, including its default that follows what is configured.</summary>
public static class DiscordModes
{
    /// <summary>The mode in effect: the explicit one, else Gateway for a bot token without a public key, Http for a public key.</summary>
    public static DiscordMode Resolve(DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Enum.TryParse<DiscordMode>(options.Mode?.Trim(), ignoreCase: true, out var mode) && mode != DiscordMode.None)
        {
            return mode;
        }

        if (!string.IsNullOrWhiteSpace(options.PublicKey))
        {
            return DiscordMode.Http;
        }

        return string.IsNullOrWhiteSpace(options.BotToken) ? DiscordMode.None : DiscordMode.Gateway;
    }
}
