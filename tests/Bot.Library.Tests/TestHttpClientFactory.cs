namespace Bot.Library.Tests;

/// <summary>Hands out plain clients; the tests only talk to 127.0.0.1.</summary>
internal sealed class TestHttpClientFactory : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new() { Timeout = TimeSpan.FromSeconds(30) };
}
