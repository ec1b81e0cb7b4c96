using Bot.Digests.Model;
using Bot.Library.Cluster;
using Bot.Library.Ingestion;


namespace Bot.Tests.Cluster;

/// <summary>The cluster's library, except that publishing fails while <see cref="Fail"/> is set (a storage error mid-ingest).</summary>
internal sealed class FailingPublishStore(ISharedDigestStore inner) : ISharedDigestStore
{
    public bool Fail { get; set; }

    public Task<string> IdentityAsync(CancellationToken ct) => inner.IdentityAsync(ct);

    public Task<long> RevisionAsync(CancellationToken ct) => inner.RevisionAsync(ct);

    public Task<IReadOnlyList<SharedDigest>> ChangesSinceAsync(long revision, int limit, CancellationToken ct) => inner.ChangesSinceAsync(revision, limit, ct);

    public Task<IReadOnlyList<IngestOutcome>> PublishAsync(IReadOnlyList<(Digest Digest, string Hash, string Source)> digests, bool awaitPlanning, CancellationToken ct)
        => Fail ? throw new InvalidOperationException("storage unavailable") : inner.PublishAsync(digests, awaitPlanning, ct);

    public Task<IAsyncDisposable?> TryTakeSourceAsync(string source, TimeSpan interval, bool force, CancellationToken ct) => inner.TryTakeSourceAsync(source, interval, force, ct);

    public Task<string?> SourceStateAsync(string source, CancellationToken ct) => inner.SourceStateAsync(source, ct);

    public Task SaveSourceStateAsync(string source, string state, CancellationToken ct) => inner.SaveSourceStateAsync(source, state, ct);
}
