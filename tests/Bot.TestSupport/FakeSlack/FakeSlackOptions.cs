namespace Bot.TestSupport.FakeSlack;

/// <summary>How the fake Slack behaves.</summary>
public sealed class FakeSlackOptions
{
    /// <summary>The bot token the Web API accepts.</summary>
    public string BotToken { get; set; } = "xoxb-fake-token";

    /// <summary>Minimum spacing of messages per channel (or per webhook); closer ones get 429 with Retry-After.</summary>
    public TimeSpan PostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Slack is a little lenient; so is the fake: a message this much early (fraction of the interval) still passes.</summary>
    public double PacingTolerance { get; set; } = 0.2;

    /// <summary>Share of write requests (postMessage, webhooks) that fail at random with a 500, a 429 or a timeout.</summary>
    public double FailureRate { get; set; }

    /// <summary>Seed of the random failures, so that a run can be repeated.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>How long an injected timeout hangs before answering 504 (clients should give up sooner).</summary>
    public TimeSpan TimeoutHang { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Minimum spacing of conversations.history (and of conversations.replies) calls, per method; closer ones get 429. Slack
    /// allows apps outside its directory one a minute (and 15 messages each); zero turns the check off.
    /// </summary>
    public TimeSpan HistoryInterval { get; set; }

    /// <summary>The clock of the history limit and of the edit window.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>When set, chat.update refuses messages older than this with <c>edit_window_closed</c> (the workspace's edit setting).</summary>
    public TimeSpan? EditWindow { get; set; }

    /// <summary>Users that users.info reports as workspace admins.</summary>
    public ISet<string> WorkspaceAdmins { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Channels that answer <c>channel_not_found</c>.</summary>
    public ISet<string> UnknownChannels { get; } = new HashSet<string>(StringComparer.Ordinal);
}
