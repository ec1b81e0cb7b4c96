using System.Security.Cryptography;
using System.Text;
using Bot.Digests;
using Microsoft.Extensions.Logging;

namespace Bot.Library;

/// <summary>
/// One ingestion run: sources are read and parsed in parallel (bounded, in order) while a single
/// writer stores each digest in its own transaction, so one bad file never touches the others.
/// </summary>
internal sealed class DigestIngestor
{
    /// <summary>Bumped when the index layout changes, so that unchanged files are re-indexed once.</summary>
    internal const string IndexFormat = "library-1";

    private readonly BotDatabase _database;
    private readonly SourceReader _reader;
    private readonly Func<string, string?, Digest> _parse;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public DigestIngestor(BotDatabase database, SourceReader reader, Func<string, string?, Digest> parse, TimeProvider time, ILogger logger)
    {
        _database = database;
        _reader = reader;
        _parse = parse;
        _time = time;
        _logger = logger;
    }

    private sealed record Prepared(SourceReader.Item Item, SourceReader.Content? Content, Digest? Digest, string? Hash, string? Error);

    public async Task<IngestReport> RunAsync(IEnumerable<string> sources, IProgress<IngestProgress>? progress, CancellationToken ct)
    {
        var items = SourceReader.Expand(sources);
        var results = new List<IngestFileResult>(items.Count);
        using var connection = _database.Open();
        using var writer = new DigestWriter(connection);
        var window = Math.Max(2, Environment.ProcessorCount * 2);
        var pending = new Queue<Task<Prepared>>();
        var next = 0;
        progress?.Report(new IngestProgress(0, items.Count, string.Empty));
        while (next < items.Count || pending.Count > 0)
        {
            while (next < items.Count && pending.Count < window)
            {
                var item = items[next++];
                var validators = item.IsUrl ? SourceReader.StoredValidators(connection, item.Source) : null;
                pending.Enqueue(Task.Run(() => PrepareAsync(item, validators, ct), ct));
            }

            var prepared = await pending.Dequeue().ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            var result = Store(connection, writer, prepared);
            results.Add(result);
            if (result.Outcome == IngestOutcome.Failed)
            {
                _logger.LogWarning("Ingest failed for {Source}: {Error}", DisplaySource(result.Source), result.Error);
            }

            progress?.Report(new IngestProgress(results.Count, items.Count, result.Source));
        }

        return new IngestReport(results);
    }

    private async Task<Prepared> PrepareAsync(SourceReader.Item item, (string? ETag, string? LastModified)? validators, CancellationToken ct)
    {
        if (item.Error is not null)
        {
            return new Prepared(item, null, null, null, item.Error);
        }

        var content = item.IsUrl
            ? await _reader.ReadUrlAsync(item.Source, validators, ct).ConfigureAwait(false)
            : await SourceReader.ReadFileAsync(item.Source, ct).ConfigureAwait(false);
        if (content.Error is not null || content.NotModified || content.Text is null)
        {
            return new Prepared(item, content, null, null, content.Error);
        }

        try
        {
            var digest = _parse(content.Text, content.FileName);
            return new Prepared(item, content, digest, Hash(content.Text, content.FileName), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The parser is meant to warn, not throw; if it throws anyway, this file fails alone.
            return new Prepared(item, content, null, null, $"could not parse: {ex.Message}");
        }
    }

    private IngestFileResult Store(Microsoft.Data.Sqlite.SqliteConnection connection, DigestWriter writer, Prepared prepared)
    {
        var source = prepared.Item.Source;
        if (prepared.Error is not null)
        {
            return new IngestFileResult(source, IngestOutcome.Failed, null, [], prepared.Error);
        }

        if (prepared.Content is { NotModified: true })
        {
            return new IngestFileResult(source, IngestOutcome.Unchanged, SourceReader.StoredDigestId(connection, source), [], null);
        }

        var digest = prepared.Digest!;
        try
        {
            var outcome = writer.Store(digest, prepared.Hash!, source, _time.GetUtcNow());
            if (prepared.Item.IsUrl)
            {
                SourceReader.SaveValidators(connection, source, prepared.Content!, digest.Id, prepared.Hash!, _time.GetUtcNow());
            }

            return new IngestFileResult(source, outcome, digest.Id, digest.Warnings, null);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or ArgumentException or FormatException)
        {
            return new IngestFileResult(source, IngestOutcome.Failed, digest.Id, digest.Warnings, $"could not store digest '{digest.Id}': {ex.Message}");
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
