using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

/// <summary>The fake answers like Discord: headers, 429 bodies, auth, nonce deduplication.</summary>
public sealed class FakeDiscordServerTests
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, FakeDiscordServer fake, string channel, JsonObject body, bool authorized = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{fake.ApiBaseUrl}/channels/{channel}/messages") { Content = JsonContent.Create(body) };
        if (authorized)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bot " + fake.Options.BotToken);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task PerChannelLimit_AnswersWithDiscordsHeaders_Then429WithRetryAfter()
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        using var client = new HttpClient();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            responses.Add(await PostAsync(client, fake, "1", new JsonObject { ["content"] = $"m{i}" }));
        }

        var first = responses[0];
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("5", first.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("4", first.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.NotEmpty(first.Headers.GetValues("X-RateLimit-Bucket").Single());
        Assert.InRange(double.Parse(first.Headers.GetValues("X-RateLimit-Reset-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 4.0, 5.0);
        var limited = responses[5];
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("user", limited.Headers.GetValues("X-RateLimit-Scope").Single());
        var body = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;
        Assert.False((bool)body["global"]!);
        // What is left of the 5 s window; the six requests themselves can take over a second on a loaded machine.
        Assert.InRange((double)body["retry_after"]!, 0.001, 5.0);
        Assert.Equal(5, fake.Messages.Count);
        responses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task GlobalLimit_Is429WithGlobalTrue()
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { GlobalLimit = 3 });
        using var client = new HttpClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await PostAsync(client, fake, $"{i}", new JsonObject { ["content"] = "x" });
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                Assert.Equal("true", response.Headers.GetValues("X-RateLimit-Global").Single());
                Assert.True((bool)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["global"]!);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task WithoutTheBotToken_Is401_AndNothingIsStored()
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        using var client = new HttpClient();

        using var response = await PostAsync(client, fake, "1", new JsonObject { ["content"] = "x" }, authorized: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(fake.Messages);
    }

    [Fact]
    public async Task SameNonceWithEnforceNonce_ReturnsTheFirstMessage_WithoutIt_Duplicates()
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        using var client = new HttpClient();
        var enforced = new JsonObject { ["content"] = "x", ["nonce"] = "abc", ["enforce_nonce"] = true };
        var plain = new JsonObject { ["content"] = "y", ["nonce"] = "def" };

        using var a = await PostAsync(client, fake, "1", enforced);
        using var b = await PostAsync(client, fake, "1", (JsonObject)enforced.DeepClone());
        using var c = await PostAsync(client, fake, "1", plain);
        using var d = await PostAsync(client, fake, "1", (JsonObject)plain.DeepClone());

        Assert.Equal((string)JsonNode.Parse(await a.Content.ReadAsStringAsync())!["id"]!, (string)JsonNode.Parse(await b.Content.ReadAsStringAsync())!["id"]!);
        Assert.Equal(3, fake.Messages.Count);
    }
}
