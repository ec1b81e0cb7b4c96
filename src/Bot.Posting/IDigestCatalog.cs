using Bot.Digests.Model;
using Bot.Library.Search;


namespace Bot.Posting;

/// <summary>The digests the scheduler posts from (the library in the host; an in-memory list in tests).</summary>
public interface IDigestCatalog
{
    /// <summary>Stored digests, newest first.</summary>
    Task<IReadOnlyList<DigestSummary>> ListAsync(CancellationToken ct = default);

    /// <summary>A digest in full, or null.</summary>
    Task<Digest?> GetAsync(string digestId, CancellationToken ct = default);

    /// <summary>The digest's public URL, or null.</summary>
    string? PublicUrl(Digest digest);
}
