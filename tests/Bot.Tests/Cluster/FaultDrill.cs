using System.Diagnostics;
using System.Text.RegularExpressions;
using Bot.Tests.Support;
using Bot.TestSupport.FakeDiscord;
using Bot.TestSupport.Hosting;
using Npgsql;

namespace Bot.Tests.Cluster;

/// <summary>
/// The cluster fault drill: one throwaway PostgreSQL database, host processes on it (<see cref="BotHostProcess"/>), the
/// 20 drill subscriptions posting to a fake Discord that answers each post after a second and enforces Discord's limits,
/// and the counts a user would see: which (channel, section, digest) messages landed, how often, and when.
/// </summary>
internal sealed class FaultDrill : IAsyncDisposable
{
    /// <summary>Longer than a host needs on a loaded machine, shorter than a hung one deserves.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly PostgresCluster _postgres;
    private readonly TempDirectory _root = new();
    private readonly List<BotHostProcess> _hosts = [];
    private readonly InteractionSigner _signer = new();
    private NpgsqlDataSource? _db;
    private string _connection = string.Empty;
    private bool _keepLogs;

    private FaultDrill(PostgresCluster postgres, FakeDiscordServer fake)
    {
        _postgres = postgres;
        Fake = fake;
    }

    public FakeDiscordServer Fake { get; }

    /// <summary>The drill digests are dated from here on, so each is newer than the last and none predates a subscription.</summary>
    public DateOnly Today { get; } = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    public string LogFolder => _root.Path;

    public IReadOnlyList<BotHostProcess> Hosts => _hosts;

    private NpgsqlDataSource Db => _db!;

    public static async Task<FaultDrill> StartAsync(PostgresCluster postgres)
    {
        // Discord remembers a nonce for "a few minutes"; 30 s here, so that a row taken over after its claim ran out (45 s)
        // is kept from a second post by the look-up before re-sending, not by the nonce.
        var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { AnswerDelay = TimeSpan.FromSeconds(1), NonceWindow = TimeSpan.FromSeconds(30) });
        var drill = new FaultDrill(postgres, fake);

        // The README's recipe for several hosts: a small pool per host, a 5 s connect timeout, keepalives.
        var builder = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync()) { MaxPoolSize = 15, Timeout = 5, KeepAlive = 10 };
        drill._connection = builder.ConnectionString;
        drill._db = NpgsqlDataSource.Create(builder.ConnectionString);
        return drill;
    }

    /// <summary>Starts a host named <paramref name="name"/> configured with <paramref name="subscriptions"/>, and waits until it is ready.</summary>
    public async Task<BotHostProcess> StartHostAsync(string name, IEnumerable<DrillSubscription> subscriptions)
    {
        var environment = DrillSubscription.Environment(subscriptions);
        environment["Bot__TimeZone"] = "UTC";
        environment["Bot__Templates__Path"] = RepoPaths.Templates;
        environment["Bot__Scheduling__Storage"] = "PostgreSql";
        environment["Bot__Scheduling__ConnectionString"] = _connection;
        environment["Bot__Scheduling__PostOnFirstStart"] = "None";
        environment["Bot__Discord__ApiBaseUrl"] = Fake.ApiBaseUrl;
        environment["Bot__Discord__BotToken"] = Fake.Options.BotToken;
        environment["Bot__Discord__ApplicationId"] = Fake.Options.ApplicationId;
        environment["Bot__Discord__PublicKey"] = _signer.PublicKeyHex;
        environment["DOTNET_gcServer"] = "0";
        var host = new BotHostProcess(name, _root.Path, environment);
        DrillDigests.WriteSeed(host.DigestsPath);
        _hosts.Add(host);
        await host.StartAsync(StartTimeout);
        return host;
    }

    /// <summary>Puts drill digest <paramref name="drill"/> into <paramref name="host"/>'s folder only; returns its id.</summary>
    public string Publish(BotHostProcess host, int drill) => DrillDigests.Write(host.DigestsPath, drill, Today);

    /// <summary>Waits until at least <paramref name="count"/> sections of drill <paramref name="drill"/> landed.</summary>
    public async Task WaitForDeliveriesAsync(int drill, int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Count(drill).Delivered < count)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"fewer than {count} sections of drill {drill} landed within {timeout}; logs in {LogFolder}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until <paramref name="host"/> holds a claim on a row of <paramref name="digestId"/>; false after the timeout.</summary>
    public async Task<bool> WaitForClaimAsync(BotHostProcess host, string digestId, TimeSpan timeout)
    {
        var owner = OwnerPattern(host);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if ((await HeldRowsAsync(owner, digestId)).Count > 0)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    /// <summary>Rows of <paramref name="digestId"/> claimed by the process <paramref name="ownerPattern"/> names.</summary>
    public Task<List<long>> HeldRowsAsync(string ownerPattern, string digestId)
        => QueryIdsAsync("SELECT id FROM post_ledger WHERE digest_id = @d AND state = 'attempted' AND claimed_by LIKE @owner", ("d", digestId), ("owner", ownerPattern));

    /// <summary>
    /// The rows a killed host held: seconds from <paramref name="killedAt"/> until each was sent or claimed by another host
    /// (null when it held none, or they were not taken over within <paramref name="timeout"/>).
    /// </summary>
    public async Task<double?> TakeoverAsync(IReadOnlyList<long> rows, string ownerPattern, DateTimeOffset killedAt, TimeSpan timeout)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var still = await TryQueryIdsAsync(
                "SELECT id FROM post_ledger WHERE id = ANY(@ids) AND state IN ('pending', 'attempted') AND (claimed_by IS NULL OR claimed_by LIKE @owner)",
                ("ids", rows.ToArray()), ("owner", ownerPattern));
            if (still is { Count: 0 })
            {
                return (TimeProvider.System.GetUtcNow() - killedAt).TotalSeconds;
            }

            await Task.Delay(250);
        }

        return null;
    }

    /// <summary>
    /// Waits until every expected section of drill <paramref name="drill"/> landed and its ledger rows are all closed (so no
    /// host can send one again), or <paramref name="timeout"/> after the fault; the row of the table.
    /// </summary>
    public async Task<DrillRow> SettleAsync(string scenario, int drill, string digestId, DateTimeOffset faultEnd, TimeSpan timeout, Task<double?>? takeover = null)
    {
        var expected = Expected().Count;
        while (TimeProvider.System.GetUtcNow() - faultEnd < timeout)
        {
            if (Count(drill).Delivered == expected && await OpenRowsAsync(digestId) == 0)
            {
                break;
            }

            await Task.Delay(250);
        }

        return Row(scenario, drill, faultEnd, takeover is null ? null : await takeover);
    }

    /// <summary>The table row for drill <paramref name="drill"/> as the fake's messages stand now.</summary>
    public DrillRow Row(string scenario, int drill, DateTimeOffset faultEnd, double? takeover)
    {
        var (delivered, duplicates, last) = Count(drill);
        var recovery = delivered == Expected().Count && last is { } at ? Math.Max(0, (at - faultEnd).TotalSeconds) : (double?)null;
        return new DrillRow(scenario, Expected().Count, delivered, duplicates, recovery, takeover);
    }

    /// <summary>Leaves the hosts' logs in <see cref="LogFolder"/> after the drill (it failed), and returns their last lines.</summary>
    public string KeepLogs()
    {
        _keepLogs = true;
        return string.Join("\n", _hosts.Select(h => $"==== host {h.Name} ({h.LogPath}), last lines:\n{h.Tail(60)}"));
    }

    /// <summary>Duplicate posts of drill <paramref name="drill"/> as the fake's messages stand now.</summary>
    public int Duplicates(int drill) => Count(drill).Duplicates;

    /// <summary>The pattern of the ledger's <c>claimed_by</c> for the host's current process (<c>machine/pid/guid</c>).</summary>
    public static string OwnerPattern(BotHostProcess host) => $"%/{host.ProcessId}/%";

    /// <summary>Whether subscription <paramref name="name"/> is still stored (not removed) with its ledger rows; the count of rows.</summary>
    public async Task<(bool Stored, long Rows)> SubscriptionAsync(string name)
    {
        await using var command = Db.CreateCommand(
            "SELECT s.removed_at IS NULL, (SELECT count(*) FROM post_ledger l WHERE l.subscription_id = s.id) FROM subscriptions s WHERE s.name = @n");
        command.Parameters.AddWithValue("n", name);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetBoolean(0), reader.GetInt64(1)) : (false, 0);
    }

    public Task StopPostgresAsync() => _postgres.StopAsync();

    public Task StartPostgresAsync() => _postgres.StartAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await Fake.DisposeAsync();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        _signer.Dispose();
        if (!_keepLogs)
        {
            _root.Dispose();
        }
    }

    /// <summary>Every (channel, section) the 20 subscriptions post for one digest: 80.</summary>
    private static HashSet<(string Channel, string Section)> Expected()
        => [.. DrillSubscription.All.SelectMany(s => s.Sections.Select(section => (s.ChannelId, section)))];

    private (int Delivered, int Duplicates, DateTimeOffset? Last) Count(int drill)
    {
        var digest = new Regex(Regex.Escape(DrillDigests.Title(drill)) + @"(?!\d)", RegexOptions.CultureInvariant);
        var expected = Expected();
        var landed = new Dictionary<(string, string), List<DateTimeOffset>>();
        var stray = 0;
        foreach (var message in Fake.Messages)
        {
            var title = message.Body["embeds"]?[0]?["title"]?.GetValue<string>();
            if (title is null || !digest.IsMatch(title))
            {
                continue;
            }

            var key = (message.ChannelId, DrillDigests.Sections.FirstOrDefault(title.Contains) ?? string.Empty);
            if (!expected.Contains(key))
            {
                stray++;
                continue;
            }

            if (!landed.TryGetValue(key, out var times))
            {
                landed[key] = times = [];
            }

            times.Add(message.At);
        }

        var duplicates = stray + landed.Values.Sum(t => t.Count - 1);
        DateTimeOffset? last = landed.Count == 0 ? null : landed.Values.Max(t => t.Min());
        return (landed.Count, duplicates, last);
    }

    private async Task<long> OpenRowsAsync(string digestId)
    {
        var open = await TryQueryIdsAsync("SELECT id FROM post_ledger WHERE digest_id = @d AND state IN ('pending', 'attempted')", ("d", digestId));
        return open?.Count ?? -1;
    }

    private async Task<List<long>?> TryQueryIdsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        try
        {
            return await QueryIdsAsync(sql, parameters);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return null; // PostgreSQL is down for the drill: ask again later.
        }
    }

    private async Task<List<long>> QueryIdsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Db.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
