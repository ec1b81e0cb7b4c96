using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.Library.Tests;

/// <summary>A 127.0.0.1 server of raw Markdown that honours If-None-Match / If-Modified-Since.</summary>
internal sealed class FakeDigestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeDigestServer(WebApplication app)
    {
        _app = app;
    }

    public ConcurrentDictionary<string, (string Body, string ETag, DateTimeOffset LastModified)> Documents { get; } = new();

    public ConcurrentQueue<(string Path, string? IfNoneMatch, string? IfModifiedSince, int Status)> Requests { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<FakeDigestServer> StartAsync()
    {
        var app = Bot.TestSupport.Loopback.CreateBuilder().Build();
        var server = new FakeDigestServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = Bot.TestSupport.Loopback.AddressOf(app);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        string? ifNoneMatch = context.Request.Headers.IfNoneMatch.Count > 0 ? context.Request.Headers.IfNoneMatch.ToString() : null;
        string? ifModifiedSince = context.Request.Headers.IfModifiedSince.Count > 0 ? context.Request.Headers.IfModifiedSince.ToString() : null;
        int status;
        if (!Documents.TryGetValue(path, out var doc))
        {
            status = 404;
        }
        else if (ifNoneMatch is not null && ifNoneMatch == doc.ETag)
        {
            status = 304;
        }
        else if (ifNoneMatch is null && ifModifiedSince is not null && DateTimeOffset.TryParse(ifModifiedSince, out var since) && doc.LastModified <= since)
        {
            status = 304;
        }
        else
        {
            status = 200;
        }

        Requests.Enqueue((path, ifNoneMatch, ifModifiedSince, status));
        context.Response.StatusCode = status;
        if (status == 200)
        {
            context.Response.Headers.ETag = doc.ETag;
            context.Response.Headers.LastModified = doc.LastModified.ToString("R");
            context.Response.ContentType = "text/markdown; charset=utf-8";
            await context.Response.WriteAsync(doc.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
