namespace Bot.TestSupport.FakeDiscord;

/// <summary>A failure the fake injects into the next message-sending request(s).</summary>
public sealed record FakeFault(FakeFaultKind Kind, int StatusCode = 500, TimeSpan? Delay = null, bool Global = false)
{
    /// <summary>A 5xx before anything is stored.</summary>
    public static FakeFault ServerError(int status = 500) => new(FakeFaultKind.ServerError, status);

    /// <summary>A 429 with <c>retry_after</c> (global or not), before anything is stored.</summary>
    public static FakeFault TooManyRequests(TimeSpan retryAfter, bool global = false) => new(FakeFaultKind.TooManyRequests, 429, retryAfter, global);

    /// <summary>No answer for <paramref name="delay"/> (the client times out), nothing stored.</summary>
    public static FakeFault Timeout(TimeSpan delay) => new(FakeFaultKind.Timeout, 500, delay);

    /// <summary>The message is stored, then the answer is lost (a 502): only a nonce prevents a duplicate on retry.</summary>
    public static FakeFault LostResponse() => new(FakeFaultKind.LostResponse, 502);
}
