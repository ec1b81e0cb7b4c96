using Bot.Library.State;


namespace Bot.Core.Posting;

/// <summary>Keeps the scheduler's recurring jobs in step with stored subscriptions (Hangfire in the host).</summary>
public interface ISubscriptionScheduler
{
    /// <summary>Adds or updates the recurring job of a subscription.</summary>
    void Register(SubscriptionRecord subscription);

    /// <summary>Removes the recurring job of a subscription.</summary>
    void Remove(SubscriptionRecord subscription);
}
