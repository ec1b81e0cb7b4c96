namespace Bot.TestSupport.FakePublisher;

/// <summary>What the fake publisher answers at one path. Unset validators are derived from the body.</summary>
public sealed record PublishedResource(byte[] Body, string ContentType)
{
    /// <summary>The status to answer with (200 unless a failure is being played).</summary>
    public int Status { get; init; } = 200;

    /// <summary>A Retry-After to send with a 429/503, in seconds.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Where a 301/302/307/308 points.</summary>
    public string? Location { get; init; }

    /// <summary>The entity tag; null derives one from the body.</summary>
    public string? ETag { get; init; }

    /// <summary>Last-Modified; null sends none.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary><c>gzip</c> or <c>br</c>: the body is compressed on the wire with this Content-Encoding.</summary>
    public string? ContentEncoding { get; init; }

    /// <summary>Writes the body itself (slow or endless bodies, huge streams); Body is then ignored.</summary>
    public Func<Stream, CancellationToken, Task>? Writer { get; init; }
}
