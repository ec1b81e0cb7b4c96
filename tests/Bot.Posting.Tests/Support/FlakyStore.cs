using System.Reflection;
using Bot.Library.State;
using Microsoft.Data.Sqlite;

namespace Bot.Posting.Tests.Support;

/// <summary>A state store whose "sent" writes (or plans) fail a given number of times with a storage error, as during a database outage.</summary>
public class FlakyStore : DispatchProxy
{
    private IStateStore _inner = null!;
    private int _failMarkSent;
    private int _failPlan;

    public static IStateStore Wrap(IStateStore inner, int failMarkSent, int failPlan = 0)
    {
        var proxy = Create<IStateStore, FlakyStore>();
        var flaky = (FlakyStore)(object)proxy;
        flaky._inner = inner;
        flaky._failMarkSent = failMarkSent;
        flaky._failPlan = failPlan;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IStateStore.MarkSentAsync) && Interlocked.Decrement(ref _failMarkSent) >= 0)
        {
            return Task.FromException<bool>(new SqliteException("database is locked", 5));
        }

        if (targetMethod.Name == nameof(IStateStore.PlanAsync) && Interlocked.Decrement(ref _failPlan) >= 0)
        {
            return Task.FromException<IReadOnlyList<LedgerRow>>(new SqliteException("database is locked", 5));
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
