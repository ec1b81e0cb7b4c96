using Bot.Posting;
using Bot.Scheduling;
using Bot.Tests.Support;
using Npgsql;

namespace Bot.Tests.Cluster;

public sealed class HangfirePostgresOptionsTests : IClassFixture<PostgresCluster>
{
    private readonly PostgresCluster _cluster;

    public HangfirePostgresOptionsTests(PostgresCluster cluster)
    {
        _cluster = cluster;
    }

    // Issue 15: on its defaults Hangfire.PostgreSql left a dead host's job invisible for 30 min and a lost lock for 10 min.
    [Fact]
    public void PostgresStorageOptions_HandADeadHostsJobAndLocksOverWithinAMinute()
    {
        var options = StateStoreFactory.PostgresStorageOptions;
        var claimLease = new SchedulingOptions().ClaimLease;

        Assert.True(options.UseSlidingInvisibilityTimeout);
        Assert.True(options.InvisibilityTimeout + options.QueuePollInterval <= TimeSpan.FromSeconds(60), $"{options.InvisibilityTimeout} + {options.QueuePollInterval}");
        Assert.True(claimLease + TimeSpan.FromSeconds(1) + options.QueuePollInterval <= TimeSpan.FromSeconds(60));
        Assert.True(options.DistributedLockTimeout <= TimeSpan.FromSeconds(60));
        Assert.True(options.PrepareSchemaIfNecessary);
    }

    // Hangfire.PostgreSql's installer runs each schema version in a serializable transaction and takes no lock: hosts
    // starting together on an empty database failed with 40001 / 22P02 until its start-up retry went through, logging an
    // error each time. Eight hosts at once, three times over: with our advisory lock none of them fails.
    [PostgresFact]
    public async Task InstallPostgresSchema_FromHostsStartingTogether_NeverFails_AndLeavesTheNewestVersion()
    {
        for (var round = 0; round < 3; round++)
        {
            var connection = await _cluster.CreateDatabaseAsync();
            using var start = new Barrier(8);
            var installs = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return StateStoreFactory.InstallPostgresSchema(connection);
            }, TaskCreationOptions.LongRunning)).ToList();

            Assert.All(await Task.WhenAll(installs), Assert.True);

            await using var source = NpgsqlDataSource.Create(connection);
            await using var version = source.CreateCommand("SELECT version FROM hangfire.schema");
            // Hangfire.PostgreSql 1.21 ships install scripts v3 … v23; a newer package only raises this.
            Assert.True(Convert.ToInt32(await version.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 23);
            await using var locks = source.CreateCommand("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'");
            Assert.Equal(0L, (long)(await locks.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public void InstallPostgresSchema_WhenPostgresCannotBeReached_LeavesItToTheStoragesStartUpRetries()
    {
        Assert.False(StateStoreFactory.InstallPostgresSchema("Host=127.0.0.1;Port=1;Username=bot;Database=none;Timeout=2"));
    }
}
