using System.Net;
using Bot.Discord.RateLimits;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests;

/// <summary>The limiter on a fake clock: what waits, and exactly until when.</summary>
public sealed class DiscordRateLimiterClockTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    private DiscordRateLimiter Create(int global = 50, int budget = 5_000)
        => new(Options.Create(new DiscordOptions { GlobalRequestsPerSecond = global, InvalidRequestBudget = budget }), _time, NullLogger<DiscordRateLimiter>.Instance);

    private static RateLimitObservation Ok(string bucket, int remaining, double resetAfterSeconds)
        => new(HttpStatusCode.OK, bucket, 5, remaining, TimeSpan.FromSeconds(resetAfterSeconds));

    [Fact]
    public async Task Bucket_WithNoneRemaining_WaitsExactlyUntilItsReset()
    {
        using var limiter = Create();
        var route = DiscordRoute.CreateMessage("1");
        (await limiter.AcquireAsync(route)).Complete(Ok("b", 0, 2));

        var next = limiter.AcquireAsync(route).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(1_990));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(20));

        (await next).Dispose();
    }

    [Fact]
    public async Task OtherChannels_AreNotHeldUpByAnEmptyBucket()
    {
        using var limiter = Create();
        (await limiter.AcquireAsync(DiscordRoute.CreateMessage("1"))).Complete(Ok("b", 0, 5));

        var other = limiter.AcquireAsync(DiscordRoute.CreateMessage("2")).AsTask();

        Assert.True(other.IsCompleted);
        (await other).Dispose();
    }

    [Fact]
    public async Task RouteLevel429_WaitsItsRetryAfter()
    {
        using var limiter = Create();
        var route = DiscordRoute.CreateMessage("1");
        (await limiter.AcquireAsync(route)).Complete(new RateLimitObservation(HttpStatusCode.TooManyRequests, RetryAfter: TimeSpan.FromSeconds(3), Scope: "user"));

        var next = limiter.AcquireAsync(route).AsTask();
        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.2));

        (await next).Dispose();
    }

    [Fact]
    public async Task Global429_HoldsEveryRoute_UntilRetryAfter()
    {
        using var limiter = Create();
        (await limiter.AcquireAsync(DiscordRoute.CreateMessage("1"))).Complete(new RateLimitObservation(HttpStatusCode.TooManyRequests, RetryAfter: TimeSpan.FromSeconds(1), IsGlobal: true));

        var other = limiter.AcquireAsync(DiscordRoute.CreateMessage("2")).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(other.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(200));

        (await other).Dispose();
    }

    [Fact]
    public async Task GlobalSlot_ComesBackOneWindowAfterTheResponse_NotAfterTheRequest()
    {
        using var limiter = Create(global: 2);
        var first = await limiter.AcquireAsync(DiscordRoute.CreateMessage("1"));
        var second = await limiter.AcquireAsync(DiscordRoute.CreateMessage("2"));
        _time.Advance(TimeSpan.FromMilliseconds(500)); // the requests take half a second
        first.Complete(Ok("b", 4, 5));
        second.Complete(Ok("b", 4, 5));

        var third = limiter.AcquireAsync(DiscordRoute.CreateMessage("3")).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(2));

        (await third).Dispose();
    }

    [Fact]
    public async Task InteractionResponses_DoNotCountTowardsTheGlobalLimit()
    {
        using var limiter = Create(global: 1);
        using var held = await limiter.AcquireAsync(DiscordRoute.CreateMessage("1"));

        var edit = limiter.AcquireAsync(DiscordRoute.EditOriginalResponse("100", "token")).AsTask();

        Assert.True(edit.IsCompleted);
        (await edit).Dispose();
    }

    [Fact]
    public async Task RoutesInOneBucket_ShareWhatIsLeft()
    {
        using var limiter = Create();
        var webhook = DiscordRoute.ExecuteWebhook("https://discord.com/api/webhooks/1/abc");
        var inThread = DiscordRoute.ExecuteWebhook("https://discord.com/api/webhooks/1/abc", threadId: "9") with { Template = "webhooks/{webhook_id}/{webhook_token}?thread" };
        (await limiter.AcquireAsync(webhook)).Complete(Ok("hook", 1, 2));
        (await limiter.AcquireAsync(inThread)).Complete(Ok("hook", 0, 2));

        var next = limiter.AcquireAsync(webhook).AsTask();
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2.1));

        (await next).Dispose();
    }

    [Fact]
    public async Task InvalidRequestBudget_StopsSending_ThenRecoversAfterTenMinutes()
    {
        using var limiter = Create(budget: 2);
        for (var i = 0; i < 2; i++)
        {
            (await limiter.AcquireAsync(DiscordRoute.CreateMessage("1"))).Complete(new RateLimitObservation(HttpStatusCode.Forbidden));
        }

        await Assert.ThrowsAsync<DiscordRestException>(() => limiter.AcquireAsync(DiscordRoute.CreateMessage("2")).AsTask());
        _time.Advance(TimeSpan.FromMinutes(10));

        (await limiter.AcquireAsync(DiscordRoute.CreateMessage("2"))).Dispose();
    }

    [Fact]
    public async Task SharedScope429_DoesNotCountAsInvalid()
    {
        using var limiter = Create(budget: 1);
        (await limiter.AcquireAsync(DiscordRoute.CreateMessage("1"))).Complete(new RateLimitObservation(HttpStatusCode.TooManyRequests, RetryAfter: TimeSpan.Zero, Scope: "shared"));

        (await limiter.AcquireAsync(DiscordRoute.CreateMessage("2"))).Dispose();

        Assert.Equal(0, limiter.InvalidRequestCount);
    }
}
