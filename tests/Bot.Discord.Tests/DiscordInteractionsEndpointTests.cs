using System.Net;
using System.Text;
using Bot.Discord.Interactions;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

public sealed class DiscordInteractionsEndpointTests : DiscordHostTest
{
    [Fact]
    public async Task SignedPing_IsAnsweredWithPong()
    {
        var (status, body, _) = await Interactions.SendAsync(Client, Host.Signer, Interactions.Ping());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, (int)body!["type"]!);
    }

    [Fact]
    public async Task ForgedSignature_Is401()
    {
        using var stranger = new InteractionSigner();

        var (status, _, _) = await Interactions.SendAsync(Client, stranger, Interactions.Ping());

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task StaleTimestamp_Is401_EvenWithAValidSignature()
    {
        using var request = Host.Signer.CreateRequest(DiscordInteractionsEndpoint.Path, Interactions.Ping().ToJsonString(), DateTimeOffset.UtcNow.AddMinutes(-6));

        var (status, _, _) = await Interactions.ReadAsync(await Client.SendAsync(request));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task TruncatedBody_Is401()
    {
        var json = Interactions.Command("papers", ("query", "agents")).ToJsonString();
        using var signed = Host.Signer.CreateRequest(DiscordInteractionsEndpoint.Path, json);
        using var truncated = new HttpRequestMessage(HttpMethod.Post, DiscordInteractionsEndpoint.Path)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json[..(json.Length / 2)])),
        };
        foreach (var header in signed.Headers)
        {
            truncated.Headers.Add(header.Key, header.Value);
        }

        var (status, _, _) = await Interactions.ReadAsync(await Client.SendAsync(truncated));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task MissingSignatureHeaders_Is401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, DiscordInteractionsEndpoint.Path) { Content = new StringContent("""{"type":1}""") };

        var (status, _, _) = await Interactions.ReadAsync(await Client.SendAsync(request));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData("{\"type\":")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\":\"ping\"}")]
    public async Task SignedMalformedJson_Is400_AndTheHostKeepsServing(string json)
    {
        using var request = Host.Signer.CreateRequest(DiscordInteractionsEndpoint.Path, json);

        var (status, _, _) = await Interactions.ReadAsync(await Client.SendAsync(request));
        var (pingStatus, _, _) = await Interactions.SendAsync(Client, Host.Signer, Interactions.Ping());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(HttpStatusCode.OK, pingStatus);
    }

    [Theory]
    [InlineData("{\"type\":2}")]
    [InlineData("{\"type\":2,\"data\":{\"name\":\"papers\",\"options\":[null]}}")]
    [InlineData("{\"type\":2,\"data\":{\"name\":\"papers\",\"options\":[{\"name\":\"query\",\"type\":3,\"value\":{\"x\":1}}]}}")]
    [InlineData("{\"type\":2,\"data\":{\"name\":\"papers\",\"options\":[{\"name\":\"query\",\"type\":3,\"value\":\"a\"},{\"name\":\"query\",\"type\":3,\"value\":\"b\"}]}}")]
    [InlineData("{\"type\":4,\"data\":{\"name\":\"refs\",\"options\":[null]}}")]
    [InlineData("{\"type\":4}")]
    [InlineData("{\"type\":3,\"data\":null}")]
    [InlineData("{\"type\":3,\"data\":{\"custom_id\":\"pg:99999999999:s5::x\"}}")]
    public async Task SignedOddShapes_AreAnsweredWithoutAServerError(string json)
    {
        using var request = Host.Signer.CreateRequest(DiscordInteractionsEndpoint.Path, json);

        var (status, body, text) = await Interactions.ReadAsync(await Client.SendAsync(request));

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)status}: {text}");
        if (status == HttpStatusCode.OK)
        {
            Assert.InRange((int)body!["type"]!, 4, 8);
        }
    }

    [Fact]
    public async Task UnknownInteractionType_Is400()
    {
        var modal = Interactions.Ping();
        modal["type"] = 5;

        var (status, _, _) = await Interactions.SendAsync(Client, Host.Signer, modal);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
