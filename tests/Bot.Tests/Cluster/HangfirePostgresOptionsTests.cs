using Bot.Posting;
using Bot.Scheduling;

namespace Bot.Tests.Cluster;

public sealed class HangfirePostgresOptionsTests
{
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
}
