using System.Collections.Concurrent;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Posting.Tests.Support;

/// <summary>
/// A platform that fails a share of requests: 500s, 429s and timeouts (half of which reach the platform before the
/// response is lost). Like Slack, it can find an earlier delivery by ledger key; it counts every delivery per key.
/// </summary>
internal sealed class FakePlatformPoster : ISectionPoster, IPostEditor
{
    private readonly Random _random;
    private readonly TimeProvider _time;
    private int _messages;
    private int _inFlight;

    public FakePlatformPoster(TimeProvider time, string platform = "console", double failureRate = 0, int seed = 7)
    {
        _time = time;
        Platform = platform;
        FailureRate = failureRate;
        _random = new Random(seed);
    }

    public string Platform { get; }

    public double FailureRate { get; set; }

    public ConcurrentDictionary<string, int> Deliveries { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Key, string Section, DateTimeOffset At, string? ThreadParentId)> Log { get; } = new();

    public HashSet<string> PermanentlyFailingSections { get; } = [];

    public int Failures { get; private set; }

    /// <summary>How long each post waits before it is delivered (on the fake clock), as behind a 429's Retry-After.</summary>
    public TimeSpan PostDelay { get; set; }

    /// <summary>False for a target that cannot be searched (a webhook alone).</summary>
    public bool CanLookUp { get; set; } = true;

    /// <summary>The next this many posts are delivered, then their responses are lost (a timeout).</summary>
    public int LoseResponses { get; set; }

    /// <summary>The next this many posts are refused with a 429 that certainly did not deliver.</summary>
    public int RefuseWith429 { get; set; }

    public int InFlight => Volatile.Read(ref _inFlight);

    public ConcurrentQueue<(string Section, string? Role)> Mentions { get; } = new();

    public async Task<PostReceipt> PostAsync(PostTarget target, SectionPost post, CancellationToken ct = default)
    {
        if (PermanentlyFailingSections.Contains(post.Highlight.SectionKey))
        {
            throw new PostException("404 Unknown Channel", permanent: true);
        }

        if (RefuseWith429 > 0)
        {
            RefuseWith429--;
            throw new PostException("429 Too Many Requests", permanent: false) { NotDelivered = true };
        }

        Interlocked.Increment(ref _inFlight);
        try
        {
            if (PostDelay > TimeSpan.Zero)
            {
                await Task.Delay(PostDelay, _time, ct);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }

        Fail(() => Deliver(post.LedgerKey, post.Highlight.SectionKey, post.ThreadParentId));
        Mentions.Enqueue((post.Highlight.SectionKey, post.MentionRoleId));
        var receipt = Deliver(post.LedgerKey, post.Highlight.SectionKey, post.ThreadParentId);
        if (LoseResponses > 0)
        {
            LoseResponses--;
            throw new TimeoutException("the request timed out after the platform accepted it");
        }

        return receipt;
    }

    public bool CanFindPosted(PostTarget target) => CanLookUp;

    /// <summary>Every edit: (ledger key, message id, section title shown after the edit).</summary>
    public ConcurrentQueue<(string Key, string MessageId, string Title)> Edits { get; } = new();

    public ConcurrentQueue<string> Deleted { get; } = new();

    public bool CanEdit(PostTarget target) => true;

    public Task<IReadOnlyList<string>> EditAsync(PostTarget target, SectionPost post, IReadOnlyList<string> messageIds, string? threadId, CancellationToken ct = default)
    {
        foreach (var id in messageIds)
        {
            Edits.Enqueue((post.LedgerKey, id, post.Highlight.Items[0].Title));
        }

        return Task.FromResult(messageIds);
    }

    public Task DeleteAsync(PostTarget target, IReadOnlyList<string> messageIds, string? threadId, CancellationToken ct = default)
    {
        foreach (var id in messageIds)
        {
            Deleted.Enqueue(id);
        }

        return Task.CompletedTask;
    }

    public Task<PostReceipt?> FindPostedAsync(PostTarget target, SectionPost post, CancellationToken ct = default)
        => Task.FromResult(CanLookUp && Deliveries.ContainsKey(post.LedgerKey) ? new PostReceipt("found-" + post.LedgerKey) : null);

    public Task<PostReceipt> PostThreadParentAsync(PostTarget target, string ledgerKey, SectionHighlight firstSection, CancellationToken ct = default)
    {
        Fail(() => Deliver(ledgerKey, "~thread", null));
        var receipt = Deliver(ledgerKey, "~thread", null);
        return Task.FromResult(receipt with { ThreadId = receipt.MessageId });
    }

    private void Fail(Func<PostReceipt> deliverBeforeLosingResponse)
    {
        if (_random.NextDouble() >= FailureRate)
        {
            return;
        }

        Failures++;
        switch (_random.Next(4))
        {
            case 0:
                throw new PostException("500 Internal Server Error", permanent: false);
            case 1:
                throw new PostException("429 Too Many Requests (retry after 2 s)", permanent: false);
            case 2:
                throw new TimeoutException("the request timed out before it was sent");
            default:
                deliverBeforeLosingResponse();
                throw new TimeoutException("the request timed out after the platform accepted it");
        }
    }

    private PostReceipt Deliver(string key, string section, string? threadParentId)
    {
        Deliveries.AddOrUpdate(key, 1, (_, n) => n + 1);
        Log.Enqueue((key, section, _time.GetUtcNow(), threadParentId));
        return new PostReceipt($"m{Interlocked.Increment(ref _messages)}");
    }
}
