namespace Bot.TestSupport.FakeDiscord;

/// <summary>Kinds of injected failure.</summary>
public enum FakeFaultKind
{
    /// <summary>5xx before storing.</summary>
    ServerError,

    /// <summary>429 before storing.</summary>
    TooManyRequests,

    /// <summary>Hang, then 5xx, before storing.</summary>
    Timeout,

    /// <summary>Store, then answer 502.</summary>
    LostResponse,
}
