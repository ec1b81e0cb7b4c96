using System.Threading.Channels;
using Bot.Library.Ingestion;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Library;

/// <summary>
/// Host service: ingests the configured sources at start, re-ingests files a <see cref="FileSystemWatcher"/>
/// reports (debounced), and rescans every source periodically for what the watcher misses. It logs
/// failures and carries on; it never stops the host.
/// </summary>
public sealed class DigestWatcher : BackgroundService
{
    private readonly DigestLibrary _library;
    private readonly DigestSourcesOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DigestWatcher> _logger;
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly TaskCompletionSource _startupIngest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the watcher over the library's configured sources.</summary>
    public DigestWatcher(DigestLibrary library, IOptions<LibraryOptions> options, TimeProvider time, ILogger<DigestWatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(options);
        _library = library;
        _options = options.Value.Digests;
        _time = time;
        _logger = logger;
    }

    /// <summary>Completed ingestion runs since start (initial, watched changes and rescans).</summary>
    public int Runs { get; private set; }

    /// <summary>
    /// Completes once the start-up ingest of the configured sources has ended, whatever its outcome (at once when
    /// watching is off), so that checks against the library see what the sources hold.
    /// </summary>
    public Task StartupIngest => _startupIngest.Task;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Watch || _options.Sources.Count == 0)
        {
            _startupIngest.TrySetResult();
            return;
        }

        await Task.Yield();

        // Armed before the start-up ingest, so that a file written while that ingest runs (or right after it) is queued and
        // read again, instead of waiting for the next rescan.
        StartWatchers();
        try
        {
            await IngestAsync(_options.Sources, "start", stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            _startupIngest.TrySetResult();
        }

        var nextRescan = _time.GetUtcNow() + _options.RescanInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var wait = nextRescan - _time.GetUtcNow();
                using var cycle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var changed = _changes.Reader.WaitToReadAsync(cycle.Token).AsTask();
                var rescan = Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _time, cycle.Token);
                var first = await Task.WhenAny(changed, rescan).ConfigureAwait(false);
                await cycle.CancelAsync().ConfigureAwait(false);
                stoppingToken.ThrowIfCancellationRequested();
                if (first == changed)
                {
                    // Let a burst of writes (editors save in several steps) settle, then take every path at once.
                    await Task.Delay(_options.WatchDebounce, _time, stoppingToken).ConfigureAwait(false);
                    var paths = new HashSet<string>(StringComparer.Ordinal);
                    while (_changes.Reader.TryRead(out var path))
                    {
                        paths.Add(path);
                    }

                    var existing = paths.Where(File.Exists).ToList();
                    if (paths.Contains(RescanAll))
                    {
                        await IngestAsync(_options.Sources, "watcher overflow", stoppingToken).ConfigureAwait(false);
                    }
                    else if (existing.Count > 0)
                    {
                        await IngestAsync(existing, "change", stoppingToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    await IngestAsync(_options.Sources, "rescan", stoppingToken).ConfigureAwait(false);
                    nextRescan = _time.GetUtcNow() + _options.RescanInterval;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Digest watcher cycle failed; it will try again at the next change or rescan");
                await Task.Delay(TimeSpan.FromSeconds(1), _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private const string RescanAll = "\0rescan";

    private async Task IngestAsync(IReadOnlyList<string> sources, string reason, CancellationToken ct)
    {
        try
        {
            // Feeds and pages are fetched only when their own poll interval (or backoff) is due.
            var report = await _library.PollAsync(sources, ct).ConfigureAwait(false);
            Runs++;
            if (report.Added + report.Updated + report.Failed > 0)
            {
                _logger.LogInformation(
                    "Ingested digests ({Reason}): {Added} added, {Updated} updated, {Unchanged} unchanged, {Failed} failed",
                    reason, report.Added, report.Updated, report.Unchanged, report.Failed);
                foreach (var file in report.Files.Where(f => f.Outcome is IngestOutcome.Failed or IngestOutcome.Skipped))
                {
                    _logger.LogWarning("Source {Source} ({Kind}): {Problem}", SourceReader.IsHttpUrl(file.Source) ? SourceReader.Redact(file.Source) : file.Source, file.Kind ?? "unknown", file.Error ?? file.Warnings.FirstOrDefault()?.Message);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Runs++;
            _logger.LogError(ex, "Ingesting digests ({Reason}) failed", reason);
        }
    }

    private void StartWatchers()
    {
        foreach (var source in _options.Sources)
        {
            if (string.IsNullOrWhiteSpace(source) || SourceReader.IsHttpUrl(source) || !Directory.Exists(source))
            {
                continue;
            }

            try
            {
                var watcher = new FileSystemWatcher(Path.GetFullPath(source))
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
                };
                watcher.Changed += (_, e) => OnChanged(e.FullPath);
                watcher.Created += (_, e) => OnChanged(e.FullPath);
                watcher.Renamed += (_, e) => OnChanged(e.FullPath);
                watcher.Error += (_, e) =>
                {
                    _logger.LogWarning(e.GetException(), "File watcher lost events for {Folder}; rescanning", source);
                    _changes.Writer.TryWrite(RescanAll);
                };
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                _logger.LogWarning(ex, "Cannot watch {Folder}; it is still rescanned every {Interval}", source, _options.RescanInterval);
            }
        }
    }

    private void OnChanged(string path)
    {
        if (SourceReader.IsMarkdown(path))
        {
            _changes.Writer.TryWrite(path);
        }
        else if (Directory.Exists(path))
        {
            _changes.Writer.TryWrite(RescanAll);
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _watchers.Clear();
        base.Dispose();
    }
}
