using Bot.Digests;
using Bot.Library;

namespace Bot.Scheduling;

/// <summary>The scheduler's view of the <see cref="DigestLibrary"/>.</summary>
internal sealed class LibraryDigestCatalog : IDigestCatalog
{
    private readonly DigestLibrary _library;

    public LibraryDigestCatalog(DigestLibrary library)
    {
        _library = library;
    }

    public Task<IReadOnlyList<DigestSummary>> ListAsync(CancellationToken ct = default) => _library.ListDigestsAsync(ct);

    public Task<Digest?> GetAsync(string digestId, CancellationToken ct = default) => _library.GetDigestAsync(digestId, ct);

    public string? PublicUrl(Digest digest)
    {
        try
        {
            return _library.PublicUrl(digest);
        }
        catch (NotImplementedException)
        {
            return null;
        }
    }
}
