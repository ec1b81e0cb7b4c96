namespace Bot.Core.Diagnostics;

/// <summary>
/// Sits in a platform's HTTP client pipeline and tells <see cref="PlatformTokenStatus"/> what each answer to a call made
/// with the bot token said about that token; the client's own logic (retries, rate limits, errors) is untouched.
/// </summary>
public sealed class TokenWatchHandler : DelegatingHandler
{
    private readonly PlatformTokenStatus _status;
    private readonly Func<HttpRequestMessage, bool> _carriesToken;
    private readonly Func<HttpResponseMessage, CancellationToken, Task<TokenVerdict>> _judge;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler; <paramref name="judge"/> reads an answer to a call that <paramref name="carriesToken"/>.</summary>
    public TokenWatchHandler(PlatformTokenStatus status, Func<HttpRequestMessage, bool> carriesToken, Func<HttpResponseMessage, CancellationToken, Task<TokenVerdict>> judge, TimeProvider time)
    {
        _status = status;
        _carriesToken = carriesToken;
        _judge = judge;
        _time = time;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (_carriesToken(request))
        {
            var verdict = await _judge(response, cancellationToken).ConfigureAwait(false);
            if (verdict.Refused is { } reason)
            {
                _status.Refused(reason, _time.GetUtcNow());
            }
            else if (verdict.Accepted)
            {
                _status.Accepted(_time.GetUtcNow());
            }
        }

        return response;
    }
}
