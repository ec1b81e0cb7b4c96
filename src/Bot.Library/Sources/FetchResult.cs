namespace Bot.Library.Sources;

/// <summary>What one polite, bounded GET gave: a body, "not modified", or a one-line error naming the URL.</summary>
internal sealed record FetchResult(
    Uri Url,
    byte[]? Body,
    string? ContentType,
    string? Charset,
    bool NotModified,
    string? ETag,
    string? LastModified,
    TimeSpan? RetryAfter,
    string? Error)
{
    public static FetchResult Failed(Uri url, string error, TimeSpan? retryAfter = null)
        => new(url, null, null, null, false, null, null, retryAfter, error);
}
