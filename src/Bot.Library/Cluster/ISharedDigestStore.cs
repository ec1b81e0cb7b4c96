using Bot.Digests.Model;
using Bot.Library.Ingestion;


namespace Bot.Library.Cluster;

/// <summary>
/// The cluster's one library (PostgreSQL): every host publishes what it ingests here and brings its local search copy
/// up to the highest revision before it answers, so no host reads a digest the cluster lacks or misses one it has.
/// </summary>
public interface ISharedDigestStore
{
    /// <summary>A name for this cluster's library; a host keeps its local copy in a folder of this name.</summary>
    Task<string> IdentityAsync(CancellationToken ct);

    /// <summary>The highest revision stored (0 when empty). Revisions become visible in order.</summary>
    Task<long> RevisionAsync(CancellationToken ct);

    /// <summary>Digests stored or changed after <paramref name="revision"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SharedDigest>> ChangesSinceAsync(long revision, int limit, CancellationToken ct);

    /// <summary>
    /// Stores each digest unless the same content is stored already; returns each one's outcome, in order. With
    /// <paramref name="awaitPlanning"/> (ingestion, which the published trigger follows), each digest added is also put in
    /// <c>published_unplanned</c> in the same transaction, until a host plans it.
    /// </summary>
    Task<IReadOnlyList<IngestOutcome>> PublishAsync(IReadOnlyList<(Digest Digest, string Hash, string Source)> digests, bool awaitPlanning, CancellationToken ct);

    /// <summary>
    /// Takes a source for this host alone until the lease is disposed, or null when another host holds it or (unless
    /// <paramref name="force"/>) the cluster polled it less than <paramref name="interval"/> ago.
    /// </summary>
    Task<IAsyncDisposable?> TryTakeSourceAsync(string source, TimeSpan interval, bool force, CancellationToken ct);

    /// <summary>The poll state (validators, feed items seen, backoff) the last poll of a followed URL saved, or null.</summary>
    Task<string?> SourceStateAsync(string source, CancellationToken ct);

    /// <summary>Saves a followed URL's poll state for whichever host polls it next (call it while holding the source).</summary>
    Task SaveSourceStateAsync(string source, string state, CancellationToken ct);
}
