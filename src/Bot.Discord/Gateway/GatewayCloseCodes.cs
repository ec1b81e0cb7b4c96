namespace Bot.Discord.Gateway;

/// <summary>Discord Gateway close codes that the bot acts on.</summary>
internal static class GatewayCloseCodes
{
    /// <summary>Invalid seq: the session cannot be resumed.</summary>
    public const int InvalidSeq = 4007;

    /// <summary>Session timed out: the session cannot be resumed.</summary>
    public const int SessionTimedOut = 4009;

    /// <summary>What we close with to reconnect: any code other than 1000/1001 keeps the session resumable.</summary>
    public const int Reconnecting = 4000;

    /// <summary>
    /// Codes that retrying cannot fix: the operator has to change a setting or the portal. For each, the sentence the log and
    /// the health check show.
    /// </summary>
    public static string? Fatal(int code) => code switch
    {
        4004 => "authentication failed (4004): Bot:Discord:BotToken is wrong or was reset; copy a new token from the developer portal (Bot > Reset Token)",
        4010 => "invalid shard (4010): Bot:Discord:Shards names a shard outside its count",
        4011 => "sharding required (4011): the bot is in too many guilds for one connection; set Bot:Discord:Shards to auto",
        4012 => "invalid API version (4012): the gateway refused v10",
        4013 => "invalid intents (4013): the identify carried an intents value Discord does not accept",
        4014 => "disallowed intents (4014): the identify asked for a privileged intent that is not enabled in the developer portal",
        _ => null,
    };

    /// <summary>Whether a close with <paramref name="code"/> ends the session, so the next connection identifies afresh.</summary>
    public static bool EndsSession(int code) => code is InvalidSeq or SessionTimedOut or 1000 or 1001;
}
