using System.Net;
using System.Text.Json.Nodes;
using Bot.Discord.Interactions;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

/// <summary>Builds interaction bodies as Discord sends them, and posts them signed.</summary>
internal static class Interactions
{
    public const string ChannelId = "555000000000000001";

    public static JsonObject Command(string name, params (string Name, object Value)[] options)
        => Interaction(2, new JsonObject
        {
            ["id"] = "900",
            ["name"] = name,
            ["type"] = 1,
            ["options"] = new JsonArray(options.Select(Option).ToArray()),
        });

    public static JsonObject Autocomplete(string name, string option, string typed)
        => Interaction(4, new JsonObject
        {
            ["id"] = "900",
            ["name"] = name,
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = option, ["type"] = 3, ["value"] = typed, ["focused"] = true }),
        });

    public static JsonObject Button(string customId)
        => Interaction(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 });

    public static JsonObject Ping() => Interaction(1, null);

    public static async Task<(HttpStatusCode Status, JsonNode? Body, string Text)> SendAsync(HttpClient client, InteractionSigner signer, JsonObject interaction)
    {
        using var request = signer.CreateRequest(DiscordInteractionsEndpoint.Path, interaction.ToJsonString());
        return await ReadAsync(await client.SendAsync(request));
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body, string Text)> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            JsonNode? body = null;
            if (response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                body = JsonNode.Parse(text);
            }

            return (response.StatusCode, body, text);
        }
    }

    private static JsonObject Interaction(int type, JsonObject? data)
    {
        var interaction = new JsonObject
        {
            ["id"] = "800",
            ["application_id"] = "100000000000000001",
            ["type"] = type,
            ["token"] = "itok-" + Guid.NewGuid().ToString("N"),
            ["version"] = 1,
            ["guild_id"] = "777000000000000001",
            ["channel_id"] = ChannelId,
            // A moderator: Discord sends the member's channel permissions (MANAGE_CHANNELS = 16) with every guild interaction.
            ["member"] = new JsonObject { ["permissions"] = "16", ["roles"] = new JsonArray() },
        };
        if (data is not null)
        {
            interaction["data"] = data;
        }

        return interaction;
    }

    private static JsonNode Option((string Name, object Value) option) => option.Value switch
    {
        int number => new JsonObject { ["name"] = option.Name, ["type"] = 4, ["value"] = number },
        _ => new JsonObject { ["name"] = option.Name, ["type"] = 3, ["value"] = option.Value.ToString() },
    };
}
