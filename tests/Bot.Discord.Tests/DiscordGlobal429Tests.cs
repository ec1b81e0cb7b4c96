using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Discord.RateLimits;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests;

/// <summary>
/// A 429 with <c>global: true</c> on a route exempt from the global limit (an <c>@original</c> edit, a follow-up) on a
/// fake clock: the client must not resend until <c>retry_after</c> has passed (Discord's rate-limit documentation:
/// "wait retry_after seconds before retrying"). The old client resent at once, six times, and lost the reply.
/// </summary>
public sealed class DiscordGlobal429Tests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("edit")]
    [InlineData("followup")]
    [InlineData("channel")]
    public async Task Global429_OnAnyRoute_SendsAtMostOneRequestDuringItsRetryAfter(string kind)
    {
        var handler = new ScriptedHandler(_time, TimeSpan.FromSeconds(2));
        using var limiter = new DiscordRateLimiter(Options.Create(new DiscordOptions()), _time, NullLogger<DiscordRateLimiter>.Instance);
        var client = new DiscordRestClient(new SingleClientFactory(handler), limiter, Options.Create(new DiscordOptions { ApiBaseUrl = "http://127.0.0.1:9/api/v10", BotToken = "t" }), _time, NullLogger<DiscordRestClient>.Instance);
        var start = _time.GetUtcNow();
        var body = new JsonObject { ["content"] = "answer" };

        var send = kind switch
        {
            "edit" => client.EditOriginalResponseAsync("100", "interaction-token", body),
            "followup" => client.CreateFollowupAsync("100", "interaction-token", body),
            _ => client.CreateMessageAsync("111", body),
        };
        await handler.FirstRequest.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var step = 0; step < 19; step++)
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var during = handler.SentAt.Count(at => at < start + TimeSpan.FromSeconds(2));
        Assert.True(during <= 1, $"{during} requests were sent during a 2-second global 429 (at most 1 allowed)");
        _time.Advance(TimeSpan.FromMilliseconds(200));
        var created = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("1", created.Id);
        Assert.Equal(2, handler.SentAt.Count);
        Assert.True(handler.SentAt[1] - handler.SentAt[0] >= TimeSpan.FromSeconds(2));
    }

    private sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    /// <summary>Answers the first request with Discord's documented global 429 body, every later one with a message.</summary>
    private sealed class ScriptedHandler(TimeProvider time, TimeSpan retryAfter) : HttpMessageHandler
    {
        private readonly Lock _lock = new();
        private readonly List<DateTimeOffset> _sentAt = [];

        public TaskCompletionSource FirstRequest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<DateTimeOffset> SentAt { get { lock (_lock) { return [.. _sentAt]; } } }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int count;
            lock (_lock)
            {
                _sentAt.Add(time.GetUtcNow());
                count = _sentAt.Count;
            }

            FirstRequest.TrySetResult();
            if (count == 1)
            {
                var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
                {
                    Content = new StringContent($$"""{"message":"You are being rate limited.","retry_after":{{retryAfter.TotalSeconds}},"global":true}""", Encoding.UTF8, "application/json"),
                };
                limited.Headers.Add("X-RateLimit-Global", "true");
                limited.Headers.Add("X-RateLimit-Scope", "global");
                return Task.FromResult(limited);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"id":"1","channel_id":"111"}""", Encoding.UTF8, "application/json"),
            });
        }
    }
}
