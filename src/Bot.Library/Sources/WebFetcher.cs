using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Bot.Library.Ingestion;

namespace Bot.Library.Sources;

/// <summary>
/// One bounded, polite GET: a whole-request deadline on the injected clock (body included), a size cap counted after
/// decompression, redirects followed by hand (limited, http(s) only, loops caught), non-public addresses refused,
/// one request at a time per host and a clear User-Agent. Every failure is a one-line error naming the URL.
/// </summary>
internal sealed class WebFetcher
{
    private readonly Func<HttpClient> _http;
    private readonly DigestSourcesOptions _options;
    private readonly HostGate _gate;
    private readonly TimeProvider _time;

    public WebFetcher(Func<HttpClient> http, DigestSourcesOptions options, HostGate gate, TimeProvider time)
    {
        _http = http;
        _options = options;
        _gate = gate;
        _time = time;
    }

    /// <summary>Requests made so far (redirect hops included), for the poll-round benchmark and tests.</summary>
    public int Requests => _requests;

    private int _requests;

    public async Task<FetchResult> GetAsync(Uri url, string? etag, string? lastModified, string accept, CancellationToken ct)
    {
        using var deadline = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        var current = url;
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (await AddressGuard.CheckAsync(current, _options.AllowPrivateAddresses, linked.Token).ConfigureAwait(false) is { } refused)
                {
                    return FetchResult.Failed(url, $"refused {SourceReader.Redact(current.AbsoluteUri)}: {refused}");
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.ParseAdd(accept);
                request.Headers.UserAgent.TryParseAdd(_options.UserAgent);
                request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
                // The validators belong to the resource at the end of the redirects, so every hop carries them.
                AddValidators(request, etag, lastModified);

                HttpResponseMessage response;
                using (await _gate.EnterAsync(current, linked.Token).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref _requests);
                    response = await _http().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                }

                using (response)
                {
                    if (IsRedirect(response.StatusCode))
                    {
                        var next = Next(current, response, hop, visited, out var error);
                        if (next is null)
                        {
                            return FetchResult.Failed(url, $"{error} (from {SourceReader.Redact(url.AbsoluteUri)})");
                        }

                        current = next;
                        continue;
                    }

                    return await ReadAsync(url, current, response, linked.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return FetchResult.Failed(url, $"{SourceReader.Redact(url.AbsoluteUri)} did not answer in full within {_options.RequestTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or InvalidDataException && !ct.IsCancellationRequested)
        {
            return FetchResult.Failed(url, $"could not fetch {SourceReader.Redact(url.AbsoluteUri)}: {ex.Message.ReplaceLineEndings(" ")}");
        }
    }

    private Uri? Next(Uri current, HttpResponseMessage response, int hop, HashSet<string> visited, out string? error)
    {
        error = null;
        var location = response.Headers.Location;
        if (location is null)
        {
            error = $"HTTP {(int)response.StatusCode} redirect without a Location";
            return null;
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
        {
            error = $"refused a redirect to a {next.Scheme}: URL; only http and https are followed";
            return null;
        }

        if (!visited.Add(next.AbsoluteUri))
        {
            error = $"redirect loop at {SourceReader.Redact(next.AbsoluteUri)}";
            return null;
        }

        if (hop + 1 > _options.MaxRedirects)
        {
            error = $"more than {_options.MaxRedirects} redirects";
            return null;
        }

        return next;
    }

    private async Task<FetchResult> ReadAsync(Uri url, Uri final, HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new FetchResult(final, null, null, null, true, null, null, null, null);
        }

        if (!response.IsSuccessStatusCode)
        {
            return FetchResult.Failed(url, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {SourceReader.Redact(final.AbsoluteUri)}", RetryAfter(response));
        }

        var cap = _options.MaxSourceBytes;
        if (response.Content.Headers.ContentLength > cap)
        {
            return FetchResult.Failed(url, $"{SourceReader.Redact(final.AbsoluteUri)} is {response.Content.Headers.ContentLength} bytes, over the {cap}-byte cap (Bot:Digests:MaxSourceBytes)");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                return FetchResult.Failed(url, $"{SourceReader.Redact(final.AbsoluteUri)} is over the {cap}-byte cap (Bot:Digests:MaxSourceBytes); refused");
            }

            buffer.Write(chunk, 0, read);
        }

        var type = response.Content.Headers.ContentType;
        var lastModified = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture);
        return new FetchResult(final, buffer.ToArray(), type?.MediaType, type?.CharSet, false, response.Headers.ETag?.ToString(), lastModified, null, null);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - _time.GetUtcNow() : null;
    }

    private static void AddValidators(HttpRequestMessage request, string? etag, string? lastModified)
    {
        if (!string.IsNullOrEmpty(etag) && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (!string.IsNullOrEmpty(lastModified)
            && DateTimeOffset.TryParse(lastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    /// <summary>The handler the library's client uses: redirects and decompression under our control, no cookies.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };
}
