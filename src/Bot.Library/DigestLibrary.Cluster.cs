using System.Globalization;
using Bot.Digests;
using Bot.Digests.Model;
using Bot.Library.Cluster;
using Bot.Library.Ingestion;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Bot.Library;

/// <summary>
/// Several hosts on PostgreSQL: ingestion is staged in this host's <c>bot.db</c> and published to the cluster's library;
/// reads come from a local copy (<c>cluster-ID/bot.db</c>) filled only from the cluster and brought up to its highest
/// revision before every read, so a host never answers from a digest the cluster lacks nor misses one it holds.
/// </summary>
public sealed partial class DigestLibrary
{
    private const int SyncBatch = 256;
    private readonly ISharedDigestStore? _shared;
    private readonly SemaphoreSlim _syncLock = new(1, 1);
    private BotDatabase? _copy;
    private long _syncedRevision;

    /// <summary>True when this host shares the cluster's library (PostgreSQL storage).</summary>
    public bool IsShared => _shared is not null;

    private async Task<SqliteConnection> OpenReadAsync(CancellationToken ct)
    {
        if (_shared is null)
        {
            return _database.Open();
        }

        await SyncAsync(ct).ConfigureAwait(false);
        return _copy!.Open();
    }

    /// <summary>Brings the local copy up to the cluster's highest revision (nothing to do on a single host).</summary>
    public async Task SyncAsync(CancellationToken ct = default)
    {
        if (_shared is null)
        {
            return;
        }

        var latest = await _shared.RevisionAsync(ct).ConfigureAwait(false);
        if (_copy is not null && latest <= Interlocked.Read(ref _syncedRevision))
        {
            return;
        }

        await _syncLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_copy is null)
            {
                var identity = await _shared.IdentityAsync(ct).ConfigureAwait(false);
                var copy = new BotDatabase(Path.Combine(Path.GetDirectoryName(_database.FilePath)!, "cluster-" + identity));
                Interlocked.Exchange(ref _syncedRevision, ReadSyncedRevision(copy));
                _copy = copy;
            }

            while (Interlocked.Read(ref _syncedRevision) < latest)
            {
                var changes = await _shared.ChangesSinceAsync(Interlocked.Read(ref _syncedRevision), SyncBatch, ct).ConfigureAwait(false);
                if (changes.Count == 0)
                {
                    break;
                }

                var ingestor = new DigestIngestor(_copy, null, _options.Digests, ParseFunction ?? new DigestParser().Parse, _time, _logger);
                var report = await Task.Run(
                    () => ingestor.Store([.. changes.Select(c => (c.Digest, c.Hash, (Dictionary<string, EntryRows>?)EntryRows.For(c.Digest)))], ct, [.. changes.Select(c => c.Source)]),
                    ct).ConfigureAwait(false);

                // Skipping a digest the cluster holds would let this host miss it for good: stop instead, and retry next read.
                if (report.Files.FirstOrDefault(f => f.Outcome == IngestOutcome.Failed) is { } failed)
                {
                    throw new InvalidOperationException($"The local copy of the cluster's library cannot store digest {failed.DigestId}: {failed.Error}");
                }

                WriteSyncedRevision(_copy, changes[^1].Revision);
                Interlocked.Exchange(ref _syncedRevision, changes[^1].Revision);
            }
        }
        finally
        {
            _syncLock.Release();
        }
    }

    /// <summary>Publishes what a staged run stored (and anything staged earlier that never reached the cluster); the outcomes become the cluster's.</summary>
    private async Task<IngestReport> PublishAsync(IngestReport staged, bool awaitPlanning, CancellationToken ct)
    {
        if (_shared is null)
        {
            return staged;
        }

        var files = staged.Files.ToArray();
        var publish = new List<(Digest Digest, string Hash, string Source)>();
        var index = new List<int>();
        using (var connection = _database.Open())
        {
            for (var i = 0; i < files.Length; i++)
            {
                if (files[i] is { Outcome: IngestOutcome.Added or IngestOutcome.Updated or IngestOutcome.Unchanged, DigestId: { } id }
                    && DigestReader.Load(connection, id) is { } digest && StagedHash(connection, id) is { } stored)
                {
                    publish.Add((digest, stored.Hash, stored.Source));
                    index.Add(i);
                }
            }
        }

        var outcomes = await _shared.PublishAsync(publish, awaitPlanning, ct).ConfigureAwait(false);
        for (var i = 0; i < index.Count; i++)
        {
            files[index[i]] = files[index[i]] with { Outcome = outcomes[i] };
        }

        await SyncAsync(ct).ConfigureAwait(false);
        return new IngestReport(files);
    }

    /// <summary>A poll in a cluster: each source is polled by one host at a time, and a configured source once per interval.</summary>
    private async Task<IngestReport> PollSharedAsync(List<string> sources, CancellationToken ct)
    {
        var leases = new List<IAsyncDisposable>();
        var taken = new List<string>();
        try
        {
            foreach (var source in sources.Distinct(StringComparer.Ordinal))
            {
                var configured = _options.Digests.Sources.Contains(source, StringComparer.Ordinal);
                var interval = SourceReader.IsHttpUrl(source) ? PollIntervalOf(source) : _options.Digests.RescanInterval;
                if (await _shared!.TryTakeSourceAsync(source, interval, force: !configured, ct).ConfigureAwait(false) is { } lease)
                {
                    leases.Add(lease);
                    taken.Add(source);
                }
            }

            if (taken.Count == 0)
            {
                await SyncAsync(ct).ConfigureAwait(false);
                return new IngestReport([]);
            }

            var report = await RunAsync(taken, null, respectSchedule: true, ct, [.. taken.Where(SourceReader.IsHttpUrl)]).ConfigureAwait(false);
            if (report.Failed > 0)
            {
                _logger.LogInformation("{Failed} of the polled sources failed; the cluster polls them again at their next interval", report.Failed);
            }

            return report;
        }
        finally
        {
            foreach (var lease in leases)
            {
                await lease.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Before polling URLs for the cluster: their poll state becomes the cluster's (the last poller's validators, feed items
    /// and backoff), whichever host that was, so moving the poll to this host costs no full download.
    /// </summary>
    private async Task PullSourceStateAsync(IReadOnlyList<string> urls, CancellationToken ct)
    {
        await SyncAsync(ct).ConfigureAwait(false);
        var states = new List<(string Url, string? Json)>(urls.Count);
        foreach (var url in urls)
        {
            states.Add((url, await _shared!.SourceStateAsync(url, ct).ConfigureAwait(false)));
        }

        using var copy = _copy!.Open();
        using var staging = _database.Open();
        foreach (var (url, json) in states)
        {
            SourceStateSnapshot.Import(staging, url, json, (id, hash) => CopyHolds(copy, id, hash), _logger);
        }
    }

    /// <summary>After the poll's digests reached the cluster: its state goes there too, for the next poller.</summary>
    private async Task PushSourceStateAsync(IReadOnlyList<string> urls, CancellationToken ct)
    {
        var states = new List<(string Url, string Json)>(urls.Count);
        using (var staging = _database.Open())
        {
            states.AddRange(urls.Select(url => (url, SourceStateSnapshot.Export(staging, url))));
        }

        foreach (var (url, json) in states)
        {
            try
            {
                await _shared!.SaveSourceStateAsync(url, json, ct).ConfigureAwait(false);
            }
            catch (System.Data.Common.DbException ex)
            {
                // What was read is in the cluster already; the next poller only downloads it again.
                _logger.LogWarning(ex, "Could not save the poll state of {Source} to the cluster; the next poll reads it in full", SourceReader.Redact(url));
            }
        }
    }

    private static bool CopyHolds(SqliteConnection copy, string digestId, string hash)
    {
        using var command = copy.CreateCommand();
        command.CommandText = "SELECT 1 FROM digests WHERE id = @id AND content_hash = @h";
        command.Parameters.AddWithValue("@id", digestId);
        command.Parameters.AddWithValue("@h", hash);
        return command.ExecuteScalar() is not null;
    }

    private TimeSpan PollIntervalOf(string url)
        => _options.Digests.Schedules.FirstOrDefault(s => string.Equals(s.Url, url, StringComparison.Ordinal))?.PollInterval is { } own && own > TimeSpan.Zero
            ? own
            : _options.Digests.PollInterval;

    private static (string Hash, string Source)? StagedHash(SqliteConnection connection, string id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT content_hash, source FROM digests WHERE id = @id";
        command.Parameters.AddWithValue("@id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    // The revision the copy holds is kept beside it: written after the digests committed, so a crash in between only
    // makes the next start read a few digests again (stored as unchanged).
    private static long ReadSyncedRevision(BotDatabase copy)
    {
        var path = RevisionFile(copy);
        return File.Exists(path) && long.TryParse(File.ReadAllText(path), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : 0;
    }

    private static void WriteSyncedRevision(BotDatabase copy, long revision)
    {
        var path = RevisionFile(copy);
        File.WriteAllText(path + ".tmp", revision.ToString(CultureInfo.InvariantCulture));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static string RevisionFile(BotDatabase copy) => Path.Combine(Path.GetDirectoryName(copy.FilePath)!, "synced-revision");
}
