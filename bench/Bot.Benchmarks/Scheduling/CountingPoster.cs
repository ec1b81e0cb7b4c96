using Bot.Core.Posting;
using Bot.Core.Replies;


namespace Bot.Benchmarks.Scheduling;

/// <summary>A console-platform poster that counts deliveries per ledger key and fails a share of requests.</summary>
internal sealed class CountingPoster(TimeProvider clock, double failureRate, int seed) : ISectionPoster
{
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, DateTimeOffset> _deliveries = new(StringComparer.Ordinal);

    public string Platform => "console";

    public int Posted { get; private set; }

    public int Duplicates { get; private set; }

    public Task<PostReceipt> PostAsync(PostTarget target, SectionPost post, CancellationToken ct = default)
    {
        if (_random.NextDouble() < failureRate)
        {
            throw new PostException("503 Service Unavailable", permanent: false);
        }

        return Task.FromResult(Deliver(post.LedgerKey));
    }

    public Task<PostReceipt?> FindPostedAsync(PostTarget target, SectionPost post, CancellationToken ct = default)
        => Task.FromResult(_deliveries.ContainsKey(post.LedgerKey) ? new PostReceipt("found") : null);

    public Task<PostReceipt> PostThreadParentAsync(PostTarget target, string ledgerKey, SectionHighlight firstSection, CancellationToken ct = default)
        => Task.FromResult(Deliver(ledgerKey));

    /// <summary>Forgets keys delivered long ago (their rows are closed), so the soak's own bookkeeping does not grow.</summary>
    public void Forget(TimeSpan olderThan)
    {
        var cutoff = clock.GetUtcNow() - olderThan;
        foreach (var old in _deliveries.Where(d => d.Value < cutoff).Select(d => d.Key).ToList())
        {
            _deliveries.Remove(old);
        }

        _deliveries.TrimExcess();
    }

    private PostReceipt Deliver(string key)
    {
        if (_deliveries.ContainsKey(key))
        {
            Duplicates++;
        }

        _deliveries[key] = clock.GetUtcNow();
        Posted++;
        return new PostReceipt("m" + Posted);
    }
}
