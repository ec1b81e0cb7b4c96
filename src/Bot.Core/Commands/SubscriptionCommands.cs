namespace Bot.Core;

/// <summary><c>/subscribe</c>, <c>/unsubscribe</c>, <c>/subscriptions</c> for a channel, on either platform.</summary>
public sealed class SubscriptionCommands
{
    /// <summary>Subscribes a channel. <paramref name="platform"/> is <c>discord</c> or <c>slack</c>.</summary>
    public Task<Reply> SubscribeAsync(string platform, string channelId, SubscribeArguments arguments, CancellationToken ct = default)
        => throw new NotImplementedException("issue #7");

    /// <summary>Removes the named subscription of a channel.</summary>
    public Task<Reply> UnsubscribeAsync(string platform, string channelId, string name, CancellationToken ct = default)
        => throw new NotImplementedException("issue #7");

    /// <summary>Lists the channel's subscriptions.</summary>
    public Task<Reply> ListAsync(string platform, string channelId, CancellationToken ct = default)
        => throw new NotImplementedException("issue #7");
}
