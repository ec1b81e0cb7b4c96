namespace Bot.TestSupport.FakeDiscord;

/// <summary>How the fake Discord behaves. Defaults are Discord's documented or commonly observed limits.</summary>
public sealed class FakeDiscordOptions
{
    /// <summary>The bot token requests must carry (<c>Authorization: Bot …</c>).</summary>
    public string BotToken { get; set; } = "fake-bot-token";

    /// <summary>The application id; webhooks under it are interaction responses (exempt from the global limit).</summary>
    public string ApplicationId { get; set; } = "100000000000000001";

    /// <summary>The guild every fake channel and webhook belongs to.</summary>
    public string GuildId { get; set; } = "300000000000000001";

    /// <summary>Global limit: requests per window (Discord: 50 per second).</summary>
    public int GlobalLimit { get; set; } = 50;

    /// <summary>Global window (Discord: 1 s), before <see cref="TimeScale"/>.</summary>
    public TimeSpan GlobalWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Create-message limit per channel (Discord: 5 per 5 s).</summary>
    public int MessageLimit { get; set; } = 5;

    /// <summary>Create-message window per channel, before <see cref="TimeScale"/>.</summary>
    public TimeSpan MessageWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Webhook execute limit per webhook (Discord: 5 per 2 s).</summary>
    public int WebhookLimit { get; set; } = 5;

    /// <summary>Webhook window, before <see cref="TimeScale"/>.</summary>
    public TimeSpan WebhookWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Limit of every other route per major parameter.</summary>
    public int DefaultLimit { get; set; } = 5;

    /// <summary>Window of every other route, before <see cref="TimeScale"/>.</summary>
    public TimeSpan DefaultWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Multiplies every window (0.25 makes Discord's limits four times faster) so benchmarks stay short.</summary>
    public double TimeScale { get; set; } = 1.0;

    /// <summary>How long <c>enforce_nonce</c> remembers a nonce ("the past few minutes").</summary>
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A slow Discord: a message-sending request that succeeds is stored at once and answered only after this delay, so a
    /// host that dies meanwhile has posted without hearing so (zero: answer at once). Real time, not <see cref="TimeScale"/>d.
    /// </summary>
    public TimeSpan AnswerDelay { get; set; } = TimeSpan.Zero;

    /// <summary>A window after <see cref="TimeScale"/>.</summary>
    public TimeSpan Scale(TimeSpan window) => TimeSpan.FromTicks((long)(window.Ticks * TimeScale));
}
