using Bot.Digests;

namespace Bot.Library;

/// <summary>The digest library: ingestion into SQLite and search over entries. Thread-safe; register as a singleton.</summary>
public sealed class DigestLibrary
{
    private readonly BotDatabase _database;

    /// <summary>Creates the library over <paramref name="database"/>.</summary>
    public DigestLibrary(BotDatabase database)
    {
        _database = database;
    }

    /// <summary>Ingests folders (recursive *.md, *.markdown) and http(s) URLs. Idempotent; failures are reported and lose nothing.</summary>
    public Task<IngestReport> IngestAsync(IEnumerable<string> sources, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
        => throw new NotImplementedException("issue #3");

    /// <summary>Ranked, grouped search over entries.</summary>
    public Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken ct = default)
        => throw new NotImplementedException("issue #3");

    /// <summary>The references of the best-matching entry, or null when nothing matches.</summary>
    public Task<RefsResponse?> RefsAsync(string query, CancellationToken ct = default)
        => throw new NotImplementedException("issue #3");

    /// <summary>Entry titles matching a prefix or substring, for autocomplete (at most <paramref name="limit"/>).</summary>
    public Task<IReadOnlyList<string>> SuggestTitlesAsync(string text, int limit = 25, CancellationToken ct = default)
        => throw new NotImplementedException("issue #3");

    /// <summary>A stored digest, rebuilt in full (sections in the author's order), or null.</summary>
    public Task<Digest?> GetDigestAsync(string digestId, CancellationToken ct = default)
        => throw new NotImplementedException("issue #3");

    /// <summary>Stored digests, newest first (by date, then id).</summary>
    public Task<IReadOnlyList<DigestSummary>> ListDigestsAsync(CancellationToken ct = default)
        => throw new NotImplementedException("issue #3");

    /// <summary>The digest's public URL from <c>Bot:Digests:PublicUrl</c> (permalink wins), or null.</summary>
    public string? PublicUrl(Digest digest)
        => throw new NotImplementedException("issue #3");

    internal BotDatabase Database => _database;
}
