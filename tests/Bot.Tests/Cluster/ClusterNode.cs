using Bot.Library;
using Bot.Library.Cluster;
using Bot.Library.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Bot.Tests.Cluster;

/// <summary>One host of a test cluster: its own data folder and connection pool, the cluster's PostgreSQL library.</summary>
internal sealed class ClusterNode : IAsyncDisposable
{
    private readonly TempDirectory _data = new();

    public ClusterNode(string connectionString, TimeProvider time, IEnumerable<string>? sources = null, ISharedDigestStore? store = null, Action<LibraryOptions>? configure = null)
    {
        DataSource = NpgsqlDataSource.Create(connectionString);
        Store = store ?? new PostgresDigestStore(DataSource, time, "node-" + Guid.NewGuid().ToString("N")[..6]);
        var options = new LibraryOptions { DataDirectory = _data.Path };
        options.Digests.Sources.AddRange(sources ?? []);
        configure?.Invoke(options);
        Library = new DigestLibrary(new BotDatabase(_data.Path), options, null, time, null, Store);
    }

    public NpgsqlDataSource DataSource { get; }

    public ISharedDigestStore Store { get; }

    public DigestLibrary Library { get; }

    public string DataPath => _data.Path;

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        _data.Dispose();
    }
}
