using Bot.Core.Posting;
using Microsoft.Extensions.Options;

namespace Bot.Slack.Posting;

/// <summary>
/// Refuses Slack targets that can only fail: a channel without a bot token, and thread mode on an incoming webhook
/// (webhooks cannot reply in threads: they take no <c>thread_ts</c> and return no message <c>ts</c>).
/// </summary>
public sealed class SlackTargetCheck : ITargetCheck
{
    private readonly SlackOptions _options;

    /// <summary>Creates the check.</summary>
    public SlackTargetCheck(IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <inheritdoc />
    public string Platform => "slack";

    /// <inheritdoc />
    public Task<string?> CheckAsync(PostTarget target, bool thread, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Task.FromResult(Check(target, thread, !string.IsNullOrWhiteSpace(_options.BotToken)));
    }

    /// <summary>The static part, shared with start-up validation.</summary>
    public static string? Check(PostTarget target, bool thread, bool hasToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.Options.IsEmpty)
        {
            return "AppliedTags, Crosspost, Silent, Username and AvatarUrl are Discord settings; remove them from this Slack subscription";
        }

        if (target.Kind == "webhook" && thread)
        {
            return "Thread: true cannot work on a Slack incoming webhook (webhooks cannot post into threads); set Thread: false, or use slack:channel:<id> with Bot:Slack:BotToken";
        }

        if (target.Kind == "channel" && !hasToken)
        {
            return "posts to a Slack channel, but Bot:Slack:BotToken is empty; set the environment variable Bot__Slack__BotToken, or use a slack:webhook:<url> target";
        }

        return null;
    }
}
