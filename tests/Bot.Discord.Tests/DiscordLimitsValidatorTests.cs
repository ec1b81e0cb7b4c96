using System.Text.Json.Nodes;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

/// <summary>The fake's message rules must catch what Discord refuses, or the tests that lean on them prove nothing.</summary>
public sealed class DiscordLimitsValidatorTests
{
    private static JsonObject Embed(string title = "t", string? description = null, int fields = 0, int fieldValueLength = 5)
    {
        var embed = new JsonObject { ["title"] = title };
        if (description is not null)
        {
            embed["description"] = description;
        }

        if (fields > 0)
        {
            embed["fields"] = new JsonArray(Enumerable.Range(0, fields).Select(i => (JsonNode)new JsonObject { ["name"] = $"f{i}", ["value"] = new string('v', fieldValueLength) }).ToArray());
        }

        return embed;
    }

    private static JsonObject Message(params JsonObject[] embeds) => new() { ["embeds"] = new JsonArray(embeds.Select(e => (JsonNode)e).ToArray()) };

    [Fact]
    public void AMessageWithinTheLimits_HasNoErrors()
    {
        var message = Message(Embed("Papers", new string('d', 4096), fields: 1, fieldValueLength: 1024));
        message["content"] = new string('c', 2000);

        Assert.Empty(DiscordLimitsValidator.ValidateMessage(message));
    }

    [Fact]
    public void CountsCharacters_NotUtf16Units()
    {
        var message = new JsonObject { ["content"] = string.Concat(Enumerable.Repeat("😀", 2000)) };

        Assert.Empty(DiscordLimitsValidator.ValidateMessage(message));
    }

    [Theory]
    [InlineData("content", "content: 2001 characters, limit 2000")]
    [InlineData("title", "embeds[0].title: 257 characters, limit 256")]
    [InlineData("description", "embeds[0].description: 4097 characters, limit 4096")]
    [InlineData("fields", "embeds[0].fields: 26, limit 25")]
    [InlineData("field-value", "embeds[0].fields[0].value: 1025 characters, limit 1024")]
    [InlineData("total", "embeds: 6002 characters in total, limit 6000")]
    [InlineData("embeds", "embeds: 11, limit 10")]
    [InlineData("empty", "Cannot send an empty message (50006): content, embeds or components required")]
    [InlineData("nonce", "nonce: '12345678901234567890123456' is longer than 25 characters")]
    [InlineData("mentions", "allowed_mentions: parse:[\"roles\"] and roles:[…] are mutually exclusive")]
    [InlineData("custom-id", "components[0].components[0].custom_id: required, 1..100 characters")]
    [InlineData("url", "embeds[0].url: 'javascript:alert(1)' is not an http(s) URL")]
    public void EachBrokenLimit_IsReported(string broken, string expected)
    {
        var message = broken switch
        {
            "content" => new JsonObject { ["content"] = new string('c', 2001) },
            "title" => Message(Embed(new string('t', 257))),
            "description" => Message(Embed(description: new string('d', 4097))),
            "fields" => Message(Embed(fields: 26)),
            "field-value" => Message(Embed(fields: 1, fieldValueLength: 1025)),
            "total" => Message(Embed(description: new string('d', 4000)), Embed(description: new string('d', 2000))),
            "embeds" => Message(Enumerable.Range(0, 11).Select(_ => Embed()).ToArray()),
            "empty" => new JsonObject { ["content"] = string.Empty },
            "nonce" => new JsonObject { ["content"] = "x", ["nonce"] = "12345678901234567890123456", ["enforce_nonce"] = true },
            "mentions" => new JsonObject { ["content"] = "x", ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray("roles"), ["roles"] = new JsonArray("1") } },
            "custom-id" => new JsonObject
            {
                ["components"] = new JsonArray(new JsonObject
                {
                    ["type"] = 1,
                    ["components"] = new JsonArray(new JsonObject { ["type"] = 2, ["style"] = 2, ["label"] = "Next", ["custom_id"] = new string('p', 101) }),
                }),
            },
            _ => Message(new JsonObject { ["title"] = "t", ["url"] = "javascript:alert(1)" }),
        };

        Assert.Contains(expected, DiscordLimitsValidator.ValidateMessage(message));
    }
}
