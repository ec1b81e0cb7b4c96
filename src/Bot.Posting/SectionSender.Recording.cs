using Bot.Core.Diagnostics;
using Bot.Core.Posting;
using Bot.Library.State;

namespace Bot.Posting;

/// <summary>Recording what a post did: "sent" until it lands, and "uncertain" when a doubtful attempt cannot be looked up.</summary>
public sealed partial class SectionSender
{
    private static readonly TimeSpan MaxRecordDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Records "sent", retrying storage errors until the write lands: the platform already took the post, so giving up
    /// here (and letting a retry claim the row) is how a section gets posted twice. False when the claim is no longer ours.
    /// </summary>
    private async Task<bool> RecordSentAsync(LedgerRow claim, PostReceipt receipt, string? contentHash, CancellationToken ct)
    {
        var ids = receipt.MessageIds is { Count: > 0 } all ? all : [receipt.MessageId];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _store.MarkSentAsync(claim, receipt.MessageId, receipt.ThreadId, ids, contentHash, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
            {
                // Stopping the host leaves the row "attempted" and in doubt: whoever claims it next looks before sending.
                ct.ThrowIfCancellationRequested();
                var delay = TimeSpan.FromMilliseconds(Math.Min(MaxRecordDelay.TotalMilliseconds, 500 * Math.Pow(2, Math.Min(attempt - 1, 6))));
                LogRecordRetry(ex, claim.DigestId, claim.SectionKey, attempt, delay);
                await Task.Delay(delay, _time, ct);
            }
        }
    }

    private async Task<SendOutcome> UncertainAsync(LedgerRow row, SubscriptionRecord subscription, PostTarget target, CancellationToken ct)
    {
        var reason = $"an earlier attempt may have been posted to {target} (the response was lost), and this target cannot be searched; "
            + "check the channel, then run `post --subscription " + subscription.Key + " --retry-uncertain` to send it again";
        await _store.MarkUncertainAsync(row, reason, CancellationToken.None);
        LogUncertain(subscription.Name, row.DigestId, row.SectionKey, target, subscription.Key);
        BotMetrics.PostUncertain(target.Platform, subscription.Name);
        return new SendOutcome(SendResult.Uncertain, State: LedgerState.Uncertain);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording section {Section} of digest {DigestId} as sent failed (attempt {Attempt}); the post went out, so only the record is retried, in {Delay}")]
    private partial void LogRecordRetry(Exception ex, string digestId, string section, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Section {Section} of digest {DigestId} for {Subscription} is UNCERTAIN: an earlier attempt to {Target} may have been posted and the target cannot be searched, so it was not sent again. Check the channel, then run `post --subscription {Name} --retry-uncertain` to send it")]
    private partial void LogUncertain(string subscription, string digestId, string section, PostTarget target, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Section {Section} of digest {DigestId} for {Subscription}: another host took the claim over; this host records nothing and that host looks for this post before sending")]
    private partial void LogClaimLost(string subscription, string digestId, string section);
}
