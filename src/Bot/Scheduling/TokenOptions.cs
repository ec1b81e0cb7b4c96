namespace Bot.Scheduling;

/// <summary>A platform's bot token, as far as scheduling needs to know (is it set?). Never logged.</summary>
public sealed class TokenOptions
{
    /// <summary>The bot token (<c>Bot__Discord__BotToken</c>, <c>Bot__Slack__BotToken</c>).</summary>
    public string? BotToken { get; set; }
}
