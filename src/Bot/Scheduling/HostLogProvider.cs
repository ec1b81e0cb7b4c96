using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace Bot.Scheduling;

/// <summary>
/// Hangfire's log provider is process-wide, and Hangfire.AspNetCore points it at the last host's <see cref="ILoggerFactory"/>.
/// When that host stops, its factory is disposed while the provider still names it, so another host in the same process
/// (tests, or a CLI verb after <c>serve</c>) would throw <see cref="ObjectDisposedException"/> from inside Hangfire,
/// for example when a job's <c>AutomaticRetry</c> attribute asks for its logger. A stopped host's logs are dropped instead.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly Hangfire.AspNetCore.AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new GuardedLog(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class GuardedLog(ILog inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner.Log(logLevel, messageFunc!, exception!);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
