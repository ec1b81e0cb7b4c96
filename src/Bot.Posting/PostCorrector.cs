using Bot.Core.Posting;
using Bot.Library.State;
using Microsoft.Extensions.Options;

namespace Bot.Posting;

/// <summary>
/// Corrections: when a posted digest changes and is ingested again, the posted messages of the sections that changed are
/// edited in place (within <c>Bot:Scheduling:CorrectionWindow</c> of sending), recorded in the ledger; unchanged sections are
/// not touched and nothing is posted again. Also removes a digest's posts (<c>post --delete</c>).
/// </summary>
public sealed partial class PostCorrector
{
    /// <summary>The recurring job's id on the dashboard.</summary>
    public const string JobId = "apply-corrections";

    private readonly IStateStore _store;
    private readonly IDigestCatalog _catalog;
    private readonly PosterRegistry _posters;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<PostingOptions> _options;
    private readonly ILogger<PostCorrector> _logger;

    /// <summary>Creates the corrector.</summary>
    public PostCorrector(IStateStore store, IDigestCatalog catalog, PosterRegistry posters, TimeProvider time, IOptionsMonitor<PostingOptions> options, ILogger<PostCorrector> logger)
    {
        _store = store;
        _catalog = catalog;
        _posters = posters;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>Edits every sent section (within the window) whose digest now shows something else; returns how many were edited.</summary>
    public async Task<int> CorrectAsync(CancellationToken ct = default)
    {
        var window = _options.CurrentValue.Scheduling.CorrectionWindow;
        if (window <= TimeSpan.Zero)
        {
            return 0;
        }

        var edited = 0;
        foreach (var group in (await _store.SentSinceAsync(_time.GetUtcNow() - window, ct: ct)).Where(r => !r.IsThreadParent && r.ContentHash is not null).GroupBy(r => (r.SubscriptionId, r.DigestId)))
        {
            var subscription = await _store.GetSubscriptionAsync(group.Key.SubscriptionId, ct);
            var digest = subscription is null ? null : await _catalog.GetAsync(group.Key.DigestId, ct);
            if (subscription is null || digest is null || !PostTarget.TryParse(subscription.Target, out var target, out _)
                || _posters.Find(target!.Platform) is not IPostEditor editor || !editor.CanEdit(target))
            {
                continue;
            }

            var url = _catalog.PublicUrl(digest);
            foreach (var row in group)
            {
                // A section that left the digest keeps its post: a correction edits, it never deletes.
                if (SectionHighlighter.Build(digest, row.SectionKey, subscription, url) is not { Items.Count: > 0 } highlight
                    || PostContent.Hash(highlight) is var hash && hash == row.ContentHash)
                {
                    continue;
                }

                var post = new SectionPost(row.LedgerKey, highlight, row.ThreadId, MentionRoleId: row.Position == 0 ? subscription.MentionRoleId : null);
                try
                {
                    var ids = await editor.EditAsync(target, post, row.AllMessageIds, row.ThreadId, ct);
                    await _store.RecordEditAsync(row.Id, hash, ids, ct);
                    LogEdited(subscription.Name, row.DigestId, row.SectionKey, ids.Count);
                    edited++;
                }
                catch (PostException ex)
                {
                    LogEditFailed(subscription.Name, row.DigestId, row.SectionKey, ex.Message);
                }
            }
        }

        return edited;
    }

    /// <summary>Deletes a digest's posts for one subscription (the rows stay in the ledger, so nothing is posted again); returns how many.</summary>
    public async Task<(int Deleted, string? Error)> DeleteAsync(SubscriptionRecord subscription, string digestId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (!PostTarget.TryParse(subscription.Target, out var target, out var error))
        {
            return (0, error);
        }

        if (_posters.Find(target!.Platform) is not IPostEditor editor || !editor.CanEdit(target))
        {
            return (0, $"posts to {target} cannot be deleted by the bot (the platform does not allow it for this kind of target); delete them by hand");
        }

        var deleted = 0;
        var rows = (await _store.GetDigestRowsAsync(subscription.Id, digestId, ct)).Where(r => r.State == LedgerState.Sent).OrderByDescending(r => r.Position);
        foreach (var row in rows)
        {
            await editor.DeleteAsync(target, row.AllMessageIds, row.IsThreadParent ? null : row.ThreadId, ct);
            await _store.MarkDeletedAsync(row.Id, ct);
            deleted++;
        }

        return (deleted, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Corrected section {Section} of digest {DigestId} for {Subscription}: edited {Count} message(s)")]
    private partial void LogEdited(string subscription, string digestId, string section, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Correcting section {Section} of digest {DigestId} for {Subscription} failed: {Error}")]
    private partial void LogEditFailed(string subscription, string digestId, string section, string error);
}
