namespace Bot.Core.Posting;

/// <summary>
/// Asks a platform whether a target can work at all (its kind, the bot's access, a forum's required tags) before any
/// post: at start-up for configured subscriptions and at <c>/subscribe</c>. A setup that can only fail is refused then,
/// not discovered as a 400 on every digest.
/// </summary>
public interface ITargetCheck
{
    /// <summary><c>discord</c> or <c>slack</c>.</summary>
    string Platform { get; }

    /// <summary>
    /// Null when the target can work; otherwise one line saying what is wrong and which setting fixes it.
    /// A platform that cannot be reached is not a verdict: the check logs it and returns null.
    /// </summary>
    Task<string?> CheckAsync(PostTarget target, bool thread, CancellationToken ct = default);
}
