using Bot.Core.Posting;


namespace Bot.Slack.Posting;

/// <summary>When the Slack poster may read history to find an earlier post.</summary>
public sealed partial class SlackSectionPoster
{
    /// <summary>
    /// Messages read per history call. Slack limits apps distributed outside its directory to 15 messages per
    /// conversations.history / conversations.replies call (and one call a minute), and the look-up only runs right after
    /// a doubtful attempt, whose post is among the newest messages.
    /// </summary>
    public const int HistoryWindow = 15;

    /// <summary>How far before the doubtful attempt a look-up starts reading, for clock skew between this host and Slack.</summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    /// <remarks>An incoming webhook cannot read its channel back: a doubtful attempt there becomes uncertain.</remarks>
    public bool CanFindPosted(PostTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind == "channel";
    }
}
