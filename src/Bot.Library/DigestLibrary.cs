using Bot.Digests;
using Bot.Digests.Model;
using Bot.Library.Cluster;
using Bot.Library.Diagnostics;
using Bot.Library.Ingestion;
using Bot.Library.Search;
using Bot.Library.Sources;
using Bot.Library.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Library;

/// <summary>The digest library: ingestion into SQLite and search over entries. Thread-safe; register as a singleton.</summary>
public sealed partial class DigestLibrary
{
    /// <summary>The named <see cref="HttpClient"/> used to fetch URL sources.</summary>
    public const string HttpClientName = "Bot.Library.Digests";

    private readonly BotDatabase _database;
    private readonly LibraryOptions _options;
    private readonly IHttpClientFactory? _httpFactory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SearchEngine _search;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lazy<HttpClient> _fallbackHttp = new(() => new HttpClient(WebFetcher.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan });
    private readonly HostGate _hosts = new();

    /// <summary>Creates the library over <paramref name="database"/> with default options (no public URL, no HTTP factory).</summary>
    public DigestLibrary(BotDatabase database)
        : this(database, new LibraryOptions(), null, null, null)
    {
    }

    /// <summary>Creates the library with its options, the HTTP client factory for URL sources, a clock and a logger.</summary>
    public DigestLibrary(BotDatabase database, LibraryOptions options, IHttpClientFactory? httpClientFactory, TimeProvider? timeProvider, ILogger<DigestLibrary>? logger)
        : this(database, options, httpClientFactory, timeProvider, logger, null)
    {
    }

    /// <summary>
    /// Creates the library; with <paramref name="shared"/> (several hosts on PostgreSQL) <paramref name="database"/> only
    /// stages this host's ingestion, and every read is answered from a local copy of the cluster's library.
    /// </summary>
    public DigestLibrary(BotDatabase database, LibraryOptions options, IHttpClientFactory? httpClientFactory, TimeProvider? timeProvider, ILogger<DigestLibrary>? logger, ISharedDigestStore? shared)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _options = options;
        _httpFactory = httpClientFactory;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _search = new SearchEngine(PublicUrl);
        _shared = shared;
    }

    /// <summary>The library's settings.</summary>
    public LibraryOptions Options => _options;

    /// <summary>Ingests folders (recursive *.md, *.markdown) and http(s) URLs. Idempotent; failures are reported and lose nothing.</summary>
    public async Task<IngestReport> IngestAsync(IEnumerable<string> sources, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = sources.ToList();
        return await RunAsync(list, progress, respectSchedule: false, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The host's poll: like <see cref="IngestAsync"/>, but a feed or page URL is fetched only when its poll interval
    /// (<c>Bot:Digests:PollInterval</c>, per-URL <c>Schedules</c>), error backoff or <c>Retry-After</c> has run out.
    /// </summary>
    public Task<IngestReport> PollAsync(IEnumerable<string> sources, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return _shared is null ? RunAsync(sources.ToList(), null, respectSchedule: true, ct) : PollSharedAsync(sources.ToList(), ct);
    }

    /// <summary>Raised after every ingestion run that added or updated a digest (the published trigger listens here).</summary>
    public event EventHandler<IngestReport>? Ingested;

    /// <summary>HTTP requests made to publishers since start (redirect hops included).</summary>
    public int WebRequests => _fetcher?.Requests ?? 0;

    private WebFetcher? _fetcher;

    /// <param name="clusterUrls">URLs this host holds for the cluster: their poll state is the cluster's, before and after.</param>
    private async Task<IngestReport> RunAsync(List<string> list, IProgress<IngestProgress>? progress, bool respectSchedule, CancellationToken ct, IReadOnlyList<string>? clusterUrls = null)
    {
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        IngestReport report;
        try
        {
            var fromCluster = clusterUrls is { Count: > 0 };
            if (fromCluster)
            {
                await PullSourceStateAsync(clusterUrls!, ct).ConfigureAwait(false);
            }

            // Ingestion is what the published trigger follows: on a single host a digest added here waits in
            // published_unplanned (same transaction) until planned; in a cluster, the publish to the cluster records it.
            var ingestor = CreateIngestor(fromCluster);
            ingestor.AwaitPlanning = _shared is null;
            report = await Task.Run(() => ingestor.RunAsync(list, progress, respectSchedule, ct), ct).ConfigureAwait(false);
            report = await PublishAsync(report, awaitPlanning: true, ct).ConfigureAwait(false);
            if (fromCluster)
            {
                await PushSourceStateAsync(clusterUrls!, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }

        if (report.Added + report.Updated > 0)
        {
            Ingested?.Invoke(this, report);
        }

        return report;
    }

    private DigestIngestor CreateIngestor(bool stateFromCluster = false)
    {
        // The parser's own character bound follows the byte cap, so a file within Bot:Digests:MaxSourceBytes is never refused by it.
        var parse = ParseFunction ?? new DigestParser(DigestLimits.ForSourceBytes(_options.Digests.MaxSourceBytes)).Parse;
        _fetcher ??= new WebFetcher(CreateHttpClient, _options.Digests, _hosts, _time);
        return new DigestIngestor(_database, new WebSourceReader(_fetcher, _options.Digests, parse, _time), _options.Digests, parse, _time, _logger) { StateFromCluster = stateFromCluster };
    }

    /// <summary>Ingests the configured <c>Bot:Digests:Sources</c>.</summary>
    public Task<IngestReport> IngestConfiguredSourcesAsync(IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
        => IngestAsync(_options.Digests.Sources, progress, ct);

    /// <summary>Stores an already parsed digest (added, updated in place, or unchanged when identical). Throws if it cannot be stored; nothing is altered then.</summary>
    public async Task<IngestOutcome> StoreDigestAsync(Digest digest, string? source = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (_shared is not null)
        {
            var stored = (await StoreDigestsAsync([digest], ct).ConfigureAwait(false)).Files[0];
            return stored.Outcome == IngestOutcome.Failed ? throw new InvalidOperationException(stored.Error) : stored.Outcome;
        }

        var hash = HashOf(digest);
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var connection = _database.Open();
            using var writer = new DigestWriter(connection);
            var outcome = writer.Store(digest, hash, source ?? "(api)", _time.GetUtcNow());
            LibraryMetrics.Record(outcome);
            return outcome;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Stores already parsed digests, many per transaction; a digest that cannot be stored is reported and leaves nothing behind.</summary>
    public async Task<IngestReport> StoreDigestsAsync(IEnumerable<Digest> digests, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(digests);
        var list = digests.ToList();
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var ingestor = CreateIngestor();
            var report = await Task.Run(
                () => ingestor.Store(list.AsParallel().AsOrdered().Select(d => (d, HashOf(d), (Dictionary<string, EntryRows>?)EntryRows.For(d))).ToList(), ct), ct)
                .ConfigureAwait(false);
            return await PublishAsync(report, awaitPlanning: false, ct).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static string HashOf(Digest digest) => DigestHash.Of(digest);

    /// <summary>Ranked, grouped search over entries.</summary>
    public async Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ct.ThrowIfCancellationRequested();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var connection = await OpenReadAsync(ct).ConfigureAwait(false);
        var response = _search.Search(connection, request);
        LibraryMetrics.SearchCompleted(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return response;
    }

    /// <summary>The references of the best-matching entry, or null when nothing matches.</summary>
    public async Task<RefsResponse?> RefsAsync(string query, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = await OpenReadAsync(ct).ConfigureAwait(false);
        return _search.Refs(connection, query ?? string.Empty);
    }

    /// <summary>Entry titles matching a prefix or substring, for autocomplete (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<string>> SuggestTitlesAsync(string text, int limit = 25, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = await OpenReadAsync(ct).ConfigureAwait(false);
        return SearchEngine.SuggestTitles(connection, text ?? string.Empty, limit);
    }

    /// <summary>A stored digest, rebuilt in full (sections in the author's order), or null.</summary>
    public async Task<Digest?> GetDigestAsync(string digestId, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(digestId))
        {
            return null;
        }

        using var connection = await OpenReadAsync(ct).ConfigureAwait(false);
        return DigestReader.Load(connection, digestId);
    }

    /// <summary>Stored digests, newest first (by date, then id).</summary>
    public async Task<IReadOnlyList<DigestSummary>> ListDigestsAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = await OpenReadAsync(ct).ConfigureAwait(false);
        return DigestReader.List(connection)
            .Select(d => new DigestSummary(d.Id, d.Title, d.Date, PublicUrl(d.Slug, d.Permalink), d.EntryCount))
            .ToArray();
    }

    /// <summary>The digest's public URL from <c>Bot:Digests:PublicUrl</c> (permalink wins), or null.</summary>
    public string? PublicUrl(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return PublicUrl(digest.Slug, digest.Permalink, digest.Id);
    }

    internal string? PublicUrl(string? slug, string? permalink) => PublicUrl(slug, permalink, null);

    private string? PublicUrl(string? slug, string? permalink, string? id)
    {
        var template = _options.Digests.PublicUrl;
        Uri.TryCreate(template, UriKind.Absolute, out var templateUri);
        if (!string.IsNullOrWhiteSpace(permalink))
        {
            if (Uri.TryCreate(permalink, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            {
                return absolute.ToString();
            }

            if (templateUri is null)
            {
                return null;
            }

            var origin = templateUri.GetLeftPart(UriPartial.Authority);
            return origin + "/" + permalink.TrimStart('/');
        }

        if (templateUri is null || string.IsNullOrWhiteSpace(slug) && template!.Contains("{slug}", StringComparison.Ordinal))
        {
            return null;
        }

        return template!
            .Replace("{slug}", Uri.EscapeDataString(slug ?? string.Empty), StringComparison.Ordinal)
            .Replace("{id}", Uri.EscapeDataString(id ?? slug ?? string.Empty), StringComparison.Ordinal);
    }

    private HttpClient CreateHttpClient() => _httpFactory?.CreateClient(HttpClientName) ?? _fallbackHttp.Value;

    internal BotDatabase Database => _database;

    /// <summary>Replaces the parser (tests that must not depend on the real parser's details).</summary>
    internal Func<string, string?, Digest>? ParseFunction { get; set; }
}
