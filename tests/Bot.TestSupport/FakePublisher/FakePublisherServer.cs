using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakePublisher;

/// <summary>
/// A 127.0.0.1 web server playing a blog publisher, written from HTTP semantics (RFC 9110/9111): conditional GET
/// with If-None-Match (strong comparison) and If-Modified-Since, redirects with Location, 503/429 with Retry-After,
/// Content-Encoding gzip/br, and custom bodies for slow, endless or huge responses. Every request is logged.
/// </summary>
public sealed class FakePublisherServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, PublishedResource> _resources = new(StringComparer.Ordinal);

    private FakePublisherServer(WebApplication app) => _app = app;

    /// <summary>Requests in arrival order: path, the validators sent, the status answered, the User-Agent.</summary>
    public ConcurrentQueue<PublisherRequest> Requests { get; } = new();

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Most requests in flight at once, per host (the publisher's view of politeness).</summary>
    public int MaxConcurrent => _maxConcurrent;

    private int _inFlight;
    private int _maxConcurrent;

    public static async Task<FakePublisherServer> StartAsync()
    {
        var app = Loopback.CreateBuilder().Build();
        var server = new FakePublisherServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = Loopback.AddressOf(app);
        return server;
    }

    /// <summary>The absolute URL of <paramref name="path"/>.</summary>
    public string Url(string path) => BaseUrl + path;

    public void Put(string path, PublishedResource resource) => _resources[path] = resource;

    public void Put(string path, string body, string contentType, DateTimeOffset? lastModified = null)
        => Put(path, new PublishedResource(Encoding.UTF8.GetBytes(body), contentType) { LastModified = lastModified });

    public void Redirect(string path, string location, int status = 301)
        => Put(path, new PublishedResource([], "text/plain") { Status = status, Location = location });

    public void Fail(string path, int status, int? retryAfterSeconds = null)
        => _resources.AddOrUpdate(path, _ => new PublishedResource([], "text/plain") { Status = status, RetryAfterSeconds = retryAfterSeconds },
            (_, old) => old with { Status = status, RetryAfterSeconds = retryAfterSeconds });

    /// <summary>Back to normal after <see cref="Fail"/>.</summary>
    public void Recover(string path)
    {
        if (_resources.TryGetValue(path, out var old))
        {
            _resources[path] = old with { Status = 200, RetryAfterSeconds = null };
        }
    }

    public void Remove(string path) => _resources.TryRemove(path, out _);

    public int CountRequests(string path) => Requests.Count(r => r.Path == path);

    private async Task HandleAsync(HttpContext context)
    {
        var concurrent = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxConcurrent, concurrent);
        try
        {
            await AnswerAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var request = context.Request;
        string? ifNoneMatch = request.Headers.IfNoneMatch.Count > 0 ? request.Headers.IfNoneMatch.ToString() : null;
        string? ifModifiedSince = request.Headers.IfModifiedSince.Count > 0 ? request.Headers.IfModifiedSince.ToString() : null;
        var status = 404;
        if (_resources.TryGetValue(path, out var resource))
        {
            var etag = resource.ETag ?? "\"" + Convert.ToHexStringLower(SHA256.HashData(resource.Body))[..16] + "\"";
            status = resource.Status;
            if (status == 200 && ifNoneMatch is not null)
            {
                // RFC 9110 13.1.2: If-None-Match takes precedence; If-Modified-Since is then ignored.
                status = ifNoneMatch.Split(',').Select(t => t.Trim()).Contains(etag) ? 304 : 200;
            }
            else if (status == 200 && ifModifiedSince is not null && resource.LastModified is { } modified
                && DateTimeOffset.TryParse(ifModifiedSince, out var since) && modified <= since)
            {
                status = 304;
            }

            context.Response.StatusCode = status;
            if (status is 200 or 304)
            {
                context.Response.Headers.ETag = etag;
                if (resource.LastModified is { } lm)
                {
                    context.Response.Headers.LastModified = lm.ToString("R");
                }
            }

            if (resource.Location is not null)
            {
                context.Response.Headers.Location = resource.Location;
            }

            if (resource.RetryAfterSeconds is { } after)
            {
                context.Response.Headers.RetryAfter = after.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            Requests.Enqueue(new PublisherRequest(path, ifNoneMatch, ifModifiedSince, status, request.Headers.UserAgent.ToString()));
            if (status == 200)
            {
                context.Response.ContentType = resource.ContentType;
                await WriteBodyAsync(context, resource);
            }

            return;
        }

        Requests.Enqueue(new PublisherRequest(path, ifNoneMatch, ifModifiedSince, status, request.Headers.UserAgent.ToString()));
        context.Response.StatusCode = 404;
    }

    private static async Task WriteBodyAsync(HttpContext context, PublishedResource resource)
    {
        var ct = context.RequestAborted;
        if (resource.Writer is not null)
        {
            try
            {
                await resource.Writer(context.Response.Body, ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The client hung up: that is what the tests of slow bodies expect.
            }

            return;
        }

        var body = resource.Body;
        if (resource.ContentEncoding is { } encoding)
        {
            using var buffer = new MemoryStream();
            await using (Stream compressor = encoding == "br" ? new BrotliStream(buffer, CompressionLevel.Fastest, true) : new GZipStream(buffer, CompressionLevel.Fastest, true))
            {
                await compressor.WriteAsync(body, ct);
            }

            body = buffer.ToArray();
            context.Response.Headers.ContentEncoding = encoding;
        }

        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, ct);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
