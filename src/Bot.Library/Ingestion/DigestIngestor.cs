using System.Security.Cryptography;
using System.Text;
using Bot.Digests.Model;
using Bot.Library.Cluster;
using Bot.Library.Diagnostics;
using Bot.Library.Sources;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Prepared = Bot.Library.Ingestion.PreparedSource;

namespace Bot.Library.Ingestion;

/// <summary>
/// One ingestion run: sources are read and parsed in parallel (bounded, in order) while a single
/// writer stores each digest in its own transaction, so one bad file never touches the others.
/// </summary>
internal sealed class DigestIngestor
{
    /// <summary>Bumped when the index layout changes, so that unchanged files are re-indexed once.</summary>
    internal const string IndexFormat = "library-2";

    private readonly BotDatabase _database;
    private readonly WebSourceReader? _web;
    private readonly DigestSourcesOptions _options;
    private readonly Func<string, string?, Digest> _parse;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public DigestIngestor(BotDatabase database, WebSourceReader? web, DigestSourcesOptions options, Func<string, string?, Digest> parse, TimeProvider time, ILogger logger)
    {
        _database = database;
        _web = web;
        _options = options;
        _parse = parse;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// True when a digest this run adds is put in <c>published_unplanned</c> in the same transaction, for the published
    /// trigger (single-host ingestion; in a cluster the publish to PostgreSQL records it instead).
    /// </summary>
    public bool AwaitPlanning { get; set; }

    /// <summary>True when the URLs' poll state came from the cluster, which checked their validators (see <see cref="SourceStateSnapshot"/>).</summary>
    public bool StateFromCluster { get; init; }

    /// <summary>Reads every source (URLs concurrently, each failure confined to its source) and stores what changed.</summary>
    /// <param name="respectSchedule">True for the host's polls: a URL is fetched only when its poll interval (or backoff) is due.</param>
    public async Task<IngestReport> RunAsync(IEnumerable<string> sources, IProgress<IngestProgress>? progress, bool respectSchedule, CancellationToken ct)
    {
        var items = SourceReader.Expand(sources, _options.FollowLinksOutsideSource);
        var results = new List<IngestFileResult>(items.Count);
        using var connection = _database.Open();
        using var writer = new DigestWriter(connection);
        var window = Math.Max(4, Environment.ProcessorCount * 4);
        var pending = new Queue<Task<List<Prepared>>>();
        var batch = new List<Prepared>(BatchSize);
        var total = items.Count;
        var lastFlush = _time.GetTimestamp();
        var next = 0;
        progress?.Report(new IngestProgress(0, items.Count, string.Empty));
        while (next < items.Count || pending.Count > 0)
        {
            while (next < items.Count && pending.Count < window)
            {
                var item = items[next++];
                var validators = item.IsUrl ? SourceReader.StoredValidators(connection, item.Source, StateFromCluster) : null;
                var state = item.IsUrl ? WebSourceState.Load(connection, item.Source) : null;
                pending.Enqueue(Task.Run(() => PrepareAsync(item, validators, state, respectSchedule, ct), ct));
            }

            var prepared = await pending.Dequeue().ConfigureAwait(false);
            total += prepared.Count - 1;
            batch.AddRange(prepared);
            ct.ThrowIfCancellationRequested();
            if (batch.Count >= BatchSize || pending.Count == 0 || _time.GetElapsedTime(lastFlush) > FlushInterval)
            {
                Flush(connection, writer, batch, results, progress, total);
                lastFlush = _time.GetTimestamp();
            }
        }

        Flush(connection, writer, batch, results, progress, total);
        var report = new IngestReport(results);
        LibraryMetrics.Record(report);
        return report;
    }

    /// <summary>Stores parsed digests in batches (the <see cref="DigestLibrary.StoreDigestsAsync"/> path).</summary>
    /// <param name="sources">Where each digest came from (the cluster's copy keeps the publishing host's source); else its id.</param>
    public IngestReport Store(IReadOnlyList<(Digest Digest, string Hash, Dictionary<string, EntryRows>? Rows)> digests, CancellationToken ct, IReadOnlyList<string>? sources = null)
    {
        var results = new List<IngestFileResult>(digests.Count);
        using var connection = _database.Open();

        using var writer = new DigestWriter(connection);
        var batch = new List<Prepared>(BatchSize);
        for (var i = 0; i < digests.Count; i++)
        {
            var (digest, hash, rows) = digests[i];
            ct.ThrowIfCancellationRequested();
            batch.Add(new Prepared(new SourceReader.Item(sources?[i] ?? digest.Id, false), null, digest, hash, null) { Rows = rows });
            if (batch.Count >= BatchSize)
            {
                Flush(connection, writer, batch, results, null, digests.Count);
            }
        }

        Flush(connection, writer, batch, results, null, digests.Count);
        var report = new IngestReport(results);
        LibraryMetrics.Record(report);
        return report;
    }

    /// <summary>Digests written per transaction: FTS5 flushes a segment per commit, so one commit per digest is several times slower.</summary>
    private const int BatchSize = 64;

    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Writes a batch in one transaction. If anything fails, the batch is rolled back and each digest
    /// is written again in its own transaction, so only the digest that fails is left out.
    /// </summary>
    private void Flush(SqliteConnection connection, DigestWriter writer, List<Prepared> batch, List<IngestFileResult> results, IProgress<IngestProgress>? progress, int total)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var outcomes = new IngestFileResult[batch.Count];
        var storable = new List<int>();
        for (var i = 0; i < batch.Count; i++)
        {
            outcomes[i] = Check(connection, batch[i]) ?? default!;
            if (outcomes[i] is null)
            {
                storable.Add(i);
            }
        }

        if (storable.Count > 0)
        {
            try
            {
                using var transaction = connection.BeginTransaction();
                foreach (var i in storable)
                {
                    outcomes[i] = Write(connection, writer, batch[i], transaction);
                }

                writer.WriteIndex(transaction);
                transaction.Commit();
            }
            catch (Exception ex) when (IsStorageFailure(ex))
            {
                writer.DiscardIndex();
                foreach (var i in storable)
                {
                    outcomes[i] = WriteAlone(connection, writer, batch[i]);
                }
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var result = outcomes[i] with { Kind = batch[i].Kind };
            results.Add(result);
            if (result.Outcome == IngestOutcome.Failed)
            {
                _logger.LogWarning("Ingest failed for {Source}: {Error}", DisplaySource(result.Source), result.Error);
            }

            AfterStore(connection, batch[i], result);
            progress?.Report(new IngestProgress(results.Count, total, result.Source) { Kind = result.Kind });
        }

        batch.Clear();
    }

    /// <summary>The result for an item that needs no write (failed to read or parse, not modified, invalid), else null.</summary>
    private static IngestFileResult? Check(SqliteConnection connection, Prepared prepared)
    {
        var source = prepared.Item.Source;
        if (prepared.Item.Skip is not null)
        {
            return new IngestFileResult(source, IngestOutcome.Skipped, null, [new ParseWarning("source-skipped", prepared.Item.Skip, 0)], null);
        }

        if (prepared.Error is not null)
        {
            return new IngestFileResult(source, IngestOutcome.Failed, null, prepared.SourceWarnings, prepared.Error);
        }

        if (prepared.Unchanged || prepared.Content is { NotModified: true })
        {
            var id = prepared.DigestId ?? (prepared.Item.IsUrl ? SourceReader.StoredDigestId(connection, source) : null);
            return new IngestFileResult(source, IngestOutcome.Unchanged, id, prepared.SourceWarnings, null);
        }

        try
        {
            DigestWriter.Validate(prepared.Digest!);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return new IngestFileResult(source, IngestOutcome.Failed, prepared.Digest!.Id, prepared.Digest.Warnings, $"could not store: {ex.Message}");
        }
    }

    private IngestFileResult Write(SqliteConnection connection, DigestWriter writer, Prepared prepared, SqliteTransaction transaction)
    {
        var digest = prepared.Digest!;
        var outcome = writer.Store(digest, prepared.Hash!, prepared.Item.Source, _time.GetUtcNow(), transaction, prepared.Rows);
        if (AwaitPlanning && outcome == IngestOutcome.Added)
        {
            using var unplanned = connection.CreateCommand();
            unplanned.Transaction = transaction;
            unplanned.CommandText = "INSERT OR IGNORE INTO published_unplanned (digest_id, published_at) VALUES ($id, $t)";
            unplanned.Parameters.AddWithValue("$id", digest.Id);
            unplanned.Parameters.AddWithValue("$t", _time.GetUtcNow().ToUnixTimeMilliseconds());
            unplanned.ExecuteNonQuery();
        }
        if (prepared.Item.IsUrl)
        {
            SourceReader.SaveValidators(connection, transaction, prepared.Item.Source, prepared.Content!, digest.Id, prepared.Hash!, _time.GetUtcNow());
        }

        return new IngestFileResult(prepared.Item.Source, outcome, digest.Id, digest.Warnings, null);
    }

    private IngestFileResult WriteAlone(SqliteConnection connection, DigestWriter writer, Prepared prepared)
    {
        try
        {
            using var transaction = connection.BeginTransaction();
            var result = Write(connection, writer, prepared, transaction);
            writer.WriteIndex(transaction);
            transaction.Commit();
            return result;
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            writer.DiscardIndex();
            var digest = prepared.Digest!;
            return new IngestFileResult(prepared.Item.Source, IngestOutcome.Failed, digest.Id, digest.Warnings, $"could not store digest '{digest.Id}': {ex.Message}");
        }
    }

    private static bool IsStorageFailure(Exception ex)
        => ex is SqliteException or InvalidOperationException or ArgumentException or FormatException;

    private async Task<List<Prepared>> PrepareAsync(SourceReader.Item item, (string? ETag, string? LastModified)? validators, WebSourceState? state, bool respectSchedule, CancellationToken ct)
    {
        if (item.Error is not null || item.Skip is not null)
        {
            return [new Prepared(item, null, null, null, item.Error)];
        }

        if (item.IsUrl)
        {
            if (_web is null)
            {
                return [new Prepared(item, null, null, null, $"cannot fetch {SourceReader.Redact(item.Source)}: no HTTP client")];
            }

            try
            {
                var read = await _web.ReadAsync(item, state!, validators, respectSchedule, ct).ConfigureAwait(false);
                return read;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Whatever a hostile publisher makes go wrong stays with its own source.
                return [new Prepared(item, null, null, null, $"could not read {SourceReader.Redact(item.Source)}: {ex.Message.ReplaceLineEndings(" ")}")];
            }
        }

        var content = await SourceReader.ReadFileAsync(item.Source, _options.MaxSourceBytes, ct).ConfigureAwait(false);
        if (content.Skipped)
        {
            return [new Prepared(item with { Skip = content.Error }, null, null, null, null) { Kind = SourceKinds.File }];
        }

        if (content.Error is not null || content.Text is null)
        {
            return [new Prepared(item, content, null, null, content.Error) { Kind = SourceKinds.File }];
        }

        try
        {
            var digest = _parse(content.Text, content.FileName);
            return [new Prepared(item, content, digest, Hash(content.Text, content.FileName), null) { Rows = EntryRows.For(digest), Kind = SourceKinds.File }];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The parser is meant to warn, not throw; if it throws anyway, this file fails alone.
            return [new Prepared(item, content, null, null, $"could not parse: {ex.Message}") { Kind = SourceKinds.File }];
        }
    }

    private void AfterStore(SqliteConnection connection, Prepared prepared, IngestFileResult result)
    {
        if (prepared.AfterStore is null)
        {
            return;
        }

        try
        {
            prepared.AfterStore(connection, result);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            _logger.LogWarning(ex, "Could not record the poll state of {Source}; it is read again next time", DisplaySource(result.Source));
        }
    }

    /// <summary>Content hash: same text and file name give the same hash, so re-ingesting changes nothing.</summary>
    public static string Hash(string text, string fileName)
    {
        var bytes = Encoding.UTF8.GetBytes(IndexFormat + "\n" + fileName + "\n" + text);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static string DisplaySource(string source) => SourceReader.IsHttpUrl(source) ? SourceReader.Redact(source) : source;
}
