using Bot.Scheduling;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Scheduling;

public sealed class HostLogProviderTests
{
    [Fact]
    public void GetLogger_AfterItsHostsLoggerFactoryIsDisposed_GivesASilentLogInsteadOfThrowing()
    {
        var factory = LoggerFactory.Create(_ => { });
        var provider = new HostLogProvider(factory);
        var before = provider.GetLogger("Hangfire.Test");
        factory.Dispose();

        var after = provider.GetLogger("Hangfire.AutomaticRetryAttribute"); // what a job's retry attribute asks for
        Assert.False(after.Log(Hangfire.Logging.LogLevel.Error, () => "lost", null!));
        before.Log(Hangfire.Logging.LogLevel.Error, () => "lost", null!); // a logger taken before the stop does not throw either
    }

    [Fact]
    public void AutomaticRetry_CanBeBuilt_WhileTheProcessWideProviderNamesAStoppedHost()
    {
        var factory = LoggerFactory.Create(_ => { });
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new HostLogProvider(factory));
        try
        {
            factory.Dispose();
            _ = new AutomaticRetryAttribute(); // threw ObjectDisposedException with Hangfire.AspNetCore's own provider
        }
        finally
        {
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        }
    }
}
