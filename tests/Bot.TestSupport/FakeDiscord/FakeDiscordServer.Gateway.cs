using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>The REST side of the gateway: <c>GET /gateway/bot</c> and interaction callbacks, answered by the attached <see cref="FakeDiscordGateway"/>.</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>The gateway attached by <see cref="FakeDiscordGateway.StartAsync"/>, or null.</summary>
    public FakeDiscordGateway? Gateway { get; internal set; }

    private (int, string) GatewayBot(HttpContext context, string[] s, JsonNode? body)
        => Gateway is { } gateway ? (200, gateway.GatewayBotJson()) : (404, Error(0, "404: Not Found"));

    private (int, string) InteractionCallback(HttpContext context, string[] s, JsonNode? body)
    {
        if (Gateway is not { } gateway)
        {
            return (404, """{"message":"Unknown interaction","code":10062}""");
        }

        var data = (body as JsonObject)?["data"] as JsonObject;
        var type = (body as JsonObject)?["type"] is JsonValue t && t.TryGetValue<int>(out var value) ? value : -1;
        if (type is 4 or 7 && data is not null && Invalid(data, webhook: true, edit: type == 7) is { } invalid)
        {
            return invalid;
        }

        return gateway.Callback(s[1], s[2], body as JsonObject);
    }
}
