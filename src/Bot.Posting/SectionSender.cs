using Bot.Core.Diagnostics;
using Bot.Core.Posting;
using Bot.Library.State;
using Microsoft.Extensions.Options;

namespace Bot.Posting;

/// <summary>
/// The body of a section job: claim the ledger row, look for an earlier delivery after a crash, render, post, record.
/// Safe to run any number of times for a row: only the host that claims it sends, and a sent row is never sent again.
/// Transient failures give the row back and throw, so the job is retried; permanent ones are recorded as failed.
/// </summary>
public sealed partial class SectionSender
{
    /// <summary>How long past its slot a section waits for an earlier section of its digest before it goes out anyway.</summary>
    public static readonly TimeSpan OrderingPatience = TimeSpan.FromHours(6);

    /// <summary>An earlier section that failed this many times no longer holds the later ones back.</summary>
    public const int OrderingAttempts = 3;

    private static readonly TimeSpan OrderingPoll = TimeSpan.FromSeconds(2);
    private readonly IStateStore _store;
    private readonly TimeProvider _time;
    private readonly IDigestCatalog _catalog;
    private readonly PosterRegistry _posters;
    private readonly IOptionsMonitor<PostingOptions> _options;
    private readonly ILogger<SectionSender> _logger;

    /// <summary>Creates the sender; <see cref="Owner"/> identifies this host in claims.</summary>
    public SectionSender(IStateStore store, IDigestCatalog catalog, PosterRegistry posters, TimeProvider time, IOptionsMonitor<PostingOptions> options, ILogger<SectionSender> logger)
    {
        _store = store;
        _time = time;
        _catalog = catalog;
        _posters = posters;
        _options = options;
        _logger = logger;
    }

    /// <summary>This host's name in claims.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Sends the row's post once. Throws <see cref="PostException"/> (transient) when a retry should follow.</summary>
    public async Task<SendOutcome> SendAsync(long ledgerRowId, CancellationToken ct = default)
    {
        if (await WaitForEarlierSectionAsync(ledgerRowId, ct) is { } wait)
        {
            return wait;
        }

        var leaseLength = _options.CurrentValue.Scheduling.ClaimLease;
        var claim = await _store.TryClaimAsync(ledgerRowId, Owner, leaseLength, ct);
        if (!claim.Claimed)
        {
            return claim.Row is { State: LedgerState.Attempted, ClaimedUntil: { } until }
                ? new SendOutcome(SendResult.Busy, until)
                : new SendOutcome(SendResult.AlreadyDone, MessageId: claim.Row?.MessageId, State: claim.Row?.State);
        }

        var row = claim.Row!;
        await using var lease = new ClaimLease(_store, row, leaseLength, _time, _logger);
        using var posting = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);
        var subscription = await _store.GetSubscriptionAsync(row.SubscriptionId, ct);
        if (subscription is null)
        {
            return await SkipAsync(row, "the subscription was removed", ct);
        }

        if (!PostTarget.TryParse(subscription.Target, out var target, out var targetError) || _posters.Find(target!.Platform) is not { } poster)
        {
            var reason = targetError ?? $"no poster is configured for platform '{target?.Platform}'";
            await _store.MarkFailedAsync(row, reason, ct);
            LogFailed(subscription.Name, row.DigestId, row.SectionKey, reason);
            BotMetrics.PostFailed(target?.Platform ?? "unknown", subscription.Name);
            return new SendOutcome(SendResult.Failed);
        }

        var digest = await _catalog.GetAsync(row.DigestId, ct);
        if (digest is null)
        {
            return await SkipAsync(row, "the digest is no longer stored", ct);
        }

        var url = _catalog.PublicUrl(digest);
        string? hash = null;
        try
        {
            PostReceipt? receipt;
            if (row.IsThreadParent)
            {
                var first = SectionHighlighter.SectionsFor(digest, subscription).FirstOrDefault() is { } s ? SectionHighlighter.Build(digest, s.Key, subscription, url) : null;
                if (first is null)
                {
                    return await SkipAsync(row, "the digest has no sections to post", ct);
                }

                var parentPost = new SectionPost(row.LedgerKey, first, AttemptedAt: row.AttemptedAt);
                if (row.LookFirst && !poster.CanFindPosted(target))
                {
                    return await UncertainAsync(row, subscription, target, ct);
                }

                receipt = row.LookFirst ? await poster.FindPostedAsync(target, parentPost, posting.Token) : null;
                receipt ??= await poster.PostThreadParentAsync(target, row.LedgerKey, first, posting.Token);
            }
            else
            {
                var highlight = SectionHighlighter.Build(digest, row.SectionKey, subscription, url);
                if (highlight is null)
                {
                    return await SkipAsync(row, $"the digest no longer has section '{row.SectionKey}'", ct);
                }

                hash = PostContent.Hash(highlight);
                var parent = subscription.Thread ? await ThreadParentAsync(row, ct) : null;

                // The role is mentioned once per digest: on its first section (in thread mode, the first reply).
                var mention = row.Position == 0 ? subscription.MentionRoleId : null;
                var post = new SectionPost(row.LedgerKey, highlight, parent, MentionRoleId: mention, AttemptedAt: row.AttemptedAt);
                if (row.LookFirst && !poster.CanFindPosted(target))
                {
                    return await UncertainAsync(row, subscription, target, ct);
                }

                // The claim inherited an attempt that may have reached the platform (a lost response, a crash, a lost lease).
                receipt = row.LookFirst ? await poster.FindPostedAsync(target, post, posting.Token) : null;
                if (receipt is not null)
                {
                    LogRecovered(subscription.Name, row.DigestId, row.SectionKey);
                }

                receipt ??= await poster.PostAsync(target, post, posting.Token);
            }

            if (!await RecordSentAsync(row, receipt, hash, ct))
            {
                LogClaimLost(subscription.Name, row.DigestId, row.SectionKey);
                return new SendOutcome(SendResult.AlreadyDone, MessageId: receipt.MessageId);
            }

            LogSent(subscription.Name, row.DigestId, row.SectionKey, target);
            BotMetrics.PostSent(target.Platform, subscription.Name);
            return new SendOutcome(SendResult.Sent, MessageId: receipt.MessageId);
        }
        catch (OperationCanceledException) when (lease.IsLost && !ct.IsCancellationRequested)
        {
            // Another host holds the row now and looks for this attempt before it sends.
            LogClaimLost(subscription.Name, row.DigestId, row.SectionKey);
            return new SendOutcome(SendResult.Busy, _time.GetUtcNow() + leaseLength);
        }
        catch (PostException ex) when (ex.Permanent)
        {
            await _store.MarkFailedAsync(row, ex.Message, CancellationToken.None);
            LogFailed(subscription.Name, row.DigestId, row.SectionKey, ex.Message);
            BotMetrics.PostFailed(target.Platform, subscription.Name);
            return new SendOutcome(SendResult.Failed);
        }
        catch (Exception ex) when (ex is PostException or HttpRequestException or TimeoutException or OperationCanceledException)
        {
            await _store.ReleaseAsync(row, ex.Message, mayHaveReached: ex is not PostException { NotDelivered: true }, CancellationToken.None);
            LogRetrying(subscription.Name, row.DigestId, row.SectionKey, row.Attempts, ex.Message);
            BotMetrics.PostRetried(target.Platform, subscription.Name);
            if (ex is OperationCanceledException && ct.IsCancellationRequested)
            {
                throw;
            }

            throw ex as PostException ?? new PostException($"posting section {row.SectionKey} failed: {ex.Message}", ex);
        }
    }

    /// <summary>The next open section of the same digest that is already due, so it can follow at once; null when none.</summary>
    public async Task<long?> NextDueSectionAsync(long ledgerRowId, CancellationToken ct = default)
    {
        var row = await _store.GetRowAsync(ledgerRowId, ct);
        if (row is null)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        return (await _store.GetDigestRowsAsync(row.SubscriptionId, row.DigestId, ct))
            .FirstOrDefault(r => r.Position > row.Position && r.DueAt <= now && r.State is LedgerState.Pending or LedgerState.Attempted)?.Id;
    }

    private async Task<SendOutcome?> WaitForEarlierSectionAsync(long ledgerRowId, CancellationToken ct)
    {
        // Sections due together (spacing 0, or overdue after a restart) run on parallel workers; each waits for the ones
        // before it, so a channel reads them in the digest's order. An earlier section that keeps failing, or a wait
        // longer than the patience, no longer holds the rest back.
        var row = await _store.GetRowAsync(ledgerRowId, ct);
        var now = _time.GetUtcNow();
        if (row is null || row.IsThreadParent || row.State is not (LedgerState.Pending or LedgerState.Attempted) || now - row.DueAt >= OrderingPatience)
        {
            return null;
        }

        var rows = await _store.GetDigestRowsAsync(row.SubscriptionId, row.DigestId, ct);
        var ahead = rows.Where(r => r.Position >= 0 && r.Position < row.Position && r.State is LedgerState.Pending or LedgerState.Attempted && r.Attempts < OrderingAttempts).ToList();
        return ahead.Count > 0 ? new SendOutcome(SendResult.Busy, now + OrderingWait(ahead, now)) : null;
    }

    /// <summary>
    /// How long a section waits before looking again at the sections ahead of it. Whoever sends the one ahead queues this one
    /// the moment it is done (<see cref="NextDueSectionAsync"/>), so the wait only bounds how late it looks if that is lost:
    /// a section ahead in flight on some host is looked at when its claim runs out, and one waiting for a retry after
    /// failures with a growing pause (30 s, 1 min, 2 min, at most 5), instead of a new job every 2 s for hours.
    /// </summary>
    internal static TimeSpan OrderingWait(IEnumerable<LedgerRow> ahead, DateTimeOffset now)
    {
        var wait = OrderingPoll;
        foreach (var r in ahead)
        {
            if (r.ClaimedUntil is { } until && until > now)
            {
                wait = Max(wait, until - now);
            }
            else if (r.Attempts > 0)
            {
                wait = Max(wait, TimeSpan.FromSeconds(Math.Min(300, 15 << Math.Min(r.Attempts, 5))));
            }
        }

        return wait;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private async Task<string?> ThreadParentAsync(LedgerRow row, CancellationToken ct)
    {
        var parent = (await _store.GetDigestRowsAsync(row.SubscriptionId, row.DigestId, ct)).FirstOrDefault(r => r.IsThreadParent);
        if (parent is null || parent.State is LedgerState.Failed or LedgerState.Skipped)
        {
            return null; // No thread to post under: post in the channel itself.
        }

        if (parent.State != LedgerState.Sent)
        {
            var outcome = await SendAsync(parent.Id, ct);
            parent = await _store.GetRowAsync(parent.Id, ct);
            if (parent?.State != LedgerState.Sent)
            {
                throw new PostException($"the thread parent of digest {row.DigestId} is not posted yet ({outcome.Result})");
            }
        }

        return parent.ThreadId ?? parent.MessageId;
    }

    private async Task<SendOutcome> SkipAsync(LedgerRow row, string reason, CancellationToken ct)
    {
        await _store.SkipClaimedAsync(row, reason, ct);
        LogSkipped(row.SubscriptionId, row.DigestId, row.SectionKey, reason);
        return new SendOutcome(SendResult.Skipped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted section {Section} of digest {DigestId} for {Subscription} to {Target}")]
    private partial void LogSent(string subscription, string digestId, string section, PostTarget target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Section {Section} of digest {DigestId} for {Subscription} was already posted before a restart; recorded it without posting again")]
    private partial void LogRecovered(string subscription, string digestId, string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting section {Section} of digest {DigestId} for {Subscription} failed (attempt {Attempt}); it will be retried: {Error}")]
    private partial void LogRetrying(string subscription, string digestId, string section, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Posting section {Section} of digest {DigestId} for {Subscription} failed for good: {Error}")]
    private partial void LogFailed(string subscription, string digestId, string section, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped section {Section} of digest {DigestId} for subscription {SubscriptionId}: {Reason}")]
    private partial void LogSkipped(long subscriptionId, string digestId, string section, string reason);
}
