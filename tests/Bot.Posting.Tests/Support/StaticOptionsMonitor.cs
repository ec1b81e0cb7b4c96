using Microsoft.Extensions.Options;

namespace Bot.Posting.Tests.Support;

/// <summary>Options that never change, for plain-class tests.</summary>
internal sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
