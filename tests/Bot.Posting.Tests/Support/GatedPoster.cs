using System.Collections.Concurrent;
using Bot.Core.Posting;
using Bot.Core.Replies;

namespace Bot.Posting.Tests.Support;

/// <summary>A console poster that delivers the first post at once and holds the second until <see cref="Release"/>: the host is caught mid-post.</summary>
internal sealed class GatedPoster : ISectionPoster
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _posts;

    public string Platform => "console";

    /// <summary>Completes when the second post is waiting at the gate (the first was delivered).</summary>
    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> Delivered { get; } = new();

    public void Release() => _release.TrySetResult();

    public async Task<PostReceipt> PostAsync(PostTarget target, SectionPost post, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (Interlocked.Increment(ref _posts) == 2)
        {
            Holding.TrySetResult();
            await _release.Task.WaitAsync(ct);
        }

        Delivered.Enqueue(post.LedgerKey);
        return new PostReceipt("gated-" + Delivered.Count);
    }

    public Task<PostReceipt?> FindPostedAsync(PostTarget target, SectionPost post, CancellationToken ct = default) => Task.FromResult<PostReceipt?>(null);

    public Task<PostReceipt> PostThreadParentAsync(PostTarget target, string ledgerKey, SectionHighlight firstSection, CancellationToken ct = default)
        => Task.FromResult(new PostReceipt("parent"));
}
