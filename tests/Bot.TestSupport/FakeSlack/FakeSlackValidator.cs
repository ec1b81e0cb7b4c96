using System.Text.Json.Nodes;

namespace Bot.TestSupport.FakeSlack;

/// <summary>Checks a message body against Slack's documented Block Kit and message limits, like Slack's <c>invalid_blocks</c>.</summary>
public static class FakeSlackValidator
{
    /// <summary>Returns the problems found (empty when the message is valid).</summary>
    public static IReadOnlyList<string> Validate(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var problems = new List<string>();
        var text = Str(body["text"]);
        var blocks = body["blocks"] as JsonArray;
        if (string.IsNullOrWhiteSpace(text) && (blocks is null || blocks.Count == 0))
        {
            problems.Add("no_text: neither text nor blocks");
        }

        if (text is { Length: > 40_000 })
        {
            problems.Add($"msg_too_long: text has {text.Length} characters (max 40000)");
        }

        if (body["blocks"] is { } rawBlocks && blocks is null)
        {
            problems.Add($"invalid_blocks: blocks is {rawBlocks.GetValueKind()}, not an array");
        }

        if (blocks is not null)
        {
            if (blocks.Count > 50)
            {
                problems.Add($"invalid_blocks: {blocks.Count} blocks (max 50)");
            }

            for (var i = 0; i < blocks.Count; i++)
            {
                ValidateBlock(blocks[i] as JsonObject, $"blocks[{i}]", problems);
            }

            // Slack does not document a ceiling on the blocks' total text, but refuses large totals with
            // msg_blocks_too_long (11,837 characters in 21 blocks were refused); the fake refuses above 11,000.
            var total = blocks.Sum(b => TextLength(b));
            if (total > BlocksTextCeiling)
            {
                problems.Insert(0, $"msg_blocks_too_long: blocks hold {total} characters of text");
            }
        }

        if (body["metadata"] is JsonObject metadata
            && (string.IsNullOrEmpty(Str(metadata["event_type"])) || metadata["event_payload"] is not JsonObject))
        {
            problems.Add("invalid_metadata_format: metadata needs event_type and an event_payload object");
        }

        return problems;
    }

    /// <summary>Checks a message body given as JSON text (a rendered message, serialised as it is sent).</summary>
    public static IReadOnlyList<string> ValidateJson(string json)
        => JsonNode.Parse(json) is JsonObject body ? Validate(body) : ["invalid_arguments: the body is not a JSON object"];

    /// <summary>The fake's total block-text ceiling (Slack's own is undocumented; see above).</summary>
    public const int BlocksTextCeiling = 11_000;

    private static int TextLength(JsonNode? node) => node switch
    {
        JsonObject o => o.Sum(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var t) ? t.Length : TextLength(p.Value)),
        JsonArray a => a.Sum(TextLength),
        _ => 0,
    };

    private static void ValidateBlock(JsonObject? block, string at, List<string> problems)
    {
        if (block is null)
        {
            problems.Add($"invalid_blocks: {at} is not an object");
            return;
        }

        MaxLength(Str(block["block_id"]), 255, $"{at}.block_id", problems);
        switch (Str(block["type"]))
        {
            case "header":
                TextObject(block["text"], 150, $"{at}.text", problems, plainOnly: true, required: true);
                break;
            case "section":
                TextObject(block["text"], 3000, $"{at}.text", problems, plainOnly: false, required: block["fields"] is null);
                if (block["fields"] is JsonArray fields)
                {
                    if (fields.Count > 10)
                    {
                        problems.Add($"invalid_blocks: {at}.fields has {fields.Count} items (max 10)");
                    }

                    for (var i = 0; i < fields.Count; i++)
                    {
                        TextObject(fields[i], 2000, $"{at}.fields[{i}]", problems, plainOnly: false, required: true);
                    }
                }

                if (block["accessory"] is JsonObject accessory)
                {
                    ValidateElement(accessory, $"{at}.accessory", problems);
                }

                break;
            case "context":
                var elements = block["elements"] as JsonArray;
                if (elements is null || elements.Count is 0 or > 10)
                {
                    problems.Add($"invalid_blocks: {at}.elements must hold 1 to 10 items");
                }

                foreach (var element in elements ?? [])
                {
                    if (element is JsonObject e && Str(e["type"]) is "plain_text" or "mrkdwn")
                    {
                        TextObject(e, 3000, $"{at}.elements[]", problems, plainOnly: false, required: true);
                    }
                }

                break;
            case "actions":
                var actions = block["elements"] as JsonArray;
                if (actions is null || actions.Count is 0 or > 25)
                {
                    problems.Add($"invalid_blocks: {at}.elements must hold 1 to 25 items");
                }

                foreach (var element in actions ?? [])
                {
                    ValidateElement(element as JsonObject, $"{at}.elements[]", problems);
                }

                break;
            case "image":
                MaxLength(Str(block["image_url"]), 3000, $"{at}.image_url", problems);
                MaxLength(Str(block["alt_text"]), 2000, $"{at}.alt_text", problems);
                if (block["title"] is not null)
                {
                    TextObject(block["title"], 2000, $"{at}.title", problems, plainOnly: true, required: true);
                }

                break;
            case "divider":
                break;
            default:
                problems.Add($"invalid_blocks: {at} has unknown type '{Str(block["type"])}'");
                break;
        }
    }

    private static void ValidateElement(JsonObject? element, string at, List<string> problems)
    {
        if (element is null)
        {
            problems.Add($"invalid_blocks: {at} is not an object");
            return;
        }

        if (Str(element["type"]) == "button")
        {
            TextObject(element["text"], 75, $"{at}.text", problems, plainOnly: true, required: true);
            MaxLength(Str(element["action_id"]), 255, $"{at}.action_id", problems);
            MaxLength(Str(element["value"]), 2000, $"{at}.value", problems);
            MaxLength(Str(element["url"]), 3000, $"{at}.url", problems);
        }
    }

    private static void TextObject(JsonNode? node, int max, string at, List<string> problems, bool plainOnly, bool required)
    {
        if (node is not JsonObject text)
        {
            if (required || node is not null)
            {
                problems.Add($"invalid_blocks: {at} must be a text object");
            }

            return;
        }

        var type = Str(text["type"]);
        if (type is not ("plain_text" or "mrkdwn") || (plainOnly && type != "plain_text"))
        {
            problems.Add($"invalid_blocks: {at}.type is '{type}'");
        }

        var value = Str(text["text"]);
        if (string.IsNullOrEmpty(value))
        {
            problems.Add($"invalid_blocks: {at}.text is empty");
        }

        MaxLength(value, max, $"{at}.text", problems);
    }

    private static void MaxLength(string? value, int max, string at, List<string> problems)
    {
        if (value is not null && value.Length > max)
        {
            problems.Add($"invalid_blocks: {at} has {value.Length} characters (max {max})");
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
