using Bot.Digests.Model;
using Bot.Library.Search;
using Bot.Posting;

namespace Bot.Posting.Tests.Support;

/// <summary>Digests held in memory, newest (by date, then id) first, like the library lists them.</summary>
internal sealed class InMemoryDigestCatalog : IDigestCatalog
{
    private readonly List<Digest> _digests = [];

    public void Add(Digest digest)
    {
        lock (_digests)
        {
            _digests.RemoveAll(d => d.Id == digest.Id);
            _digests.Add(digest);
        }
    }

    public Task<IReadOnlyList<DigestSummary>> ListAsync(CancellationToken ct = default)
    {
        lock (_digests)
        {
            IReadOnlyList<DigestSummary> list = _digests.OrderByDescending(d => d.Date).ThenByDescending(d => d.Id, StringComparer.Ordinal)
                .Select(d => new DigestSummary(d.Id, d.Title, d.Date, null, d.Entries.Count())).ToList();
            return Task.FromResult(list);
        }
    }

    public Task<Digest?> GetAsync(string digestId, CancellationToken ct = default)
    {
        lock (_digests)
        {
            return Task.FromResult(_digests.FirstOrDefault(d => d.Id == digestId));
        }
    }

    public string? PublicUrl(Digest digest) => $"https://example.blog/posts/{digest.Id}/";
}
