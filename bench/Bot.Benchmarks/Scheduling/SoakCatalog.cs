using Bot.Digests.Model;
using Bot.Library.Search;
using Bot.Posting;
using Bot.Scheduling;

namespace Bot.Benchmarks.Scheduling;

/// <summary>A weekly digest published every Sunday; only those published by the clock's "now" are listed.</summary>
internal sealed class SoakCatalog(TimeProvider clock, DateTimeOffset firstSunday, int weeks) : IDigestCatalog
{
    private readonly Dictionary<string, Digest> _cache = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<DigestSummary>> ListAsync(CancellationToken ct = default)
    {
        var published = (int)Math.Min(weeks, Math.Floor((clock.GetUtcNow() - firstSunday).TotalDays / 7) + 1);
        IReadOnlyList<DigestSummary> list = Enumerable.Range(0, Math.Max(0, published)).Reverse()
            .Select(w => new DigestSummary(Id(w), $"Week {w}", DateOnly.FromDateTime(firstSunday.AddDays(7 * w).Date), null, 20))
            .ToList();
        return Task.FromResult(list);
    }

    public Task<Digest?> GetAsync(string digestId, CancellationToken ct = default)
    {
        // Keep only the latest few digests built, like a library cache would; the rest are rebuilt on demand.
        if (!_cache.TryGetValue(digestId, out var digest))
        {
            if (_cache.Count > 4)
            {
                _cache.Clear();
            }

            digest = Build(digestId);
            _cache[digestId] = digest;
        }

        return Task.FromResult<Digest?>(digest);
    }

    public string? PublicUrl(Digest digest) => $"https://example.blog/posts/{digest.Id}/";

    private static string Id(int week) => $"week-{week:D3}";

    private static Digest Build(string id)
    {
        var sections = new[] { "news", "papers", "deep-learning-llm", "mlops-data" }.Select(key => new Section(
            key,
            key,
            Enumerable.Range(1, 5).Select(n => new Entry($"{id}/{key}/{n}", $"{key} entry {n} of {id}", [new Bullet($"요약 {n}: 모델 추론 비용 summary", 0)], [], [], n)).ToList()))
            .ToList();
        return new Digest(id, $"Digest {id}", null, DigestFormat.Sectioned, [], [], null, null, null, id, null, sections, []);
    }
}
