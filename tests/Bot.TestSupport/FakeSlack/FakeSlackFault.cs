namespace Bot.TestSupport.FakeSlack;

/// <summary>A failure the fake answers the next write request with.</summary>
public enum FakeSlackFault
{
    /// <summary>HTTP 500, nothing accepted.</summary>
    ServerError,

    /// <summary>HTTP 429 with <c>Retry-After: 1</c>, nothing accepted.</summary>
    RateLimited,

    /// <summary>No answer until the client gives up, nothing accepted.</summary>
    Timeout,

    /// <summary>The message is accepted and recorded, but no answer comes (the client cannot know it went through).</summary>
    TimeoutAfterAccepting,

    /// <summary>HTTP 200 with <c>ok: false</c> and <c>internal_error</c>.</summary>
    InternalError,

    /// <summary>HTTP 200 with <c>ok: false</c> and <c>channel_not_found</c> (permanent).</summary>
    ChannelNotFound,

    /// <summary>HTTP 200 with <c>ok: false</c> and <c>msg_blocks_too_long</c>, nothing accepted.</summary>
    BlocksTooLong,
}
