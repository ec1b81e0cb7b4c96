using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>
/// Discord's documented limits on message bodies (content, embeds, components, allowed mentions, nonce). Each broken
/// rule becomes one readable line; an empty list means Discord would accept the body.
/// </summary>
public static class DiscordLimitsValidator
{
    private static readonly HashSet<string> MentionTypes = ["roles", "users", "everyone"];

    /// <summary>Checks a create-message, execute-webhook, interaction-response or edit body.</summary>
    public static IReadOnlyList<string> ValidateMessage(JsonObject body, bool webhook = false, bool edit = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new List<string>();
        var content = Text(body, "content");
        var embeds = body["embeds"] as JsonArray;
        var components = body["components"] as JsonArray;
        if (!edit && string.IsNullOrEmpty(content) && (embeds is null || embeds.Count == 0) && (components is null || components.Count == 0))
        {
            errors.Add("Cannot send an empty message (50006): content, embeds or components required");
        }

        if (Length(content) > 2000)
        {
            errors.Add($"content: {Length(content)} characters, limit 2000");
        }

        ValidateEmbeds(embeds, errors);
        ValidateComponents(components, errors);
        ValidateAllowedMentions(body["allowed_mentions"], errors);
        ValidateNonce(body, webhook, errors);
        if (webhook)
        {
            if (Length(Text(body, "thread_name")) > 100)
            {
                errors.Add("thread_name: limit 100");
            }

            if (Length(Text(body, "username")) > 80)
            {
                errors.Add("username: limit 80");
            }
        }

        return errors;
    }

    /// <summary>Checks a create-message body given as JSON text (a rendered message, serialised as it is sent).</summary>
    public static IReadOnlyList<string> ValidateJson(string json)
        => JsonNode.Parse(json) is JsonObject body ? ValidateMessage(body) : ["the body is not a JSON object"];

    /// <summary>Number of user-perceived characters as Discord counts them (Unicode scalar values).</summary>
    public static int Length(string? text) => text is null ? 0 : text.EnumerateRunes().Count();

    private static void ValidateEmbeds(JsonArray? embeds, List<string> errors)
    {
        if (embeds is null)
        {
            return;
        }

        if (embeds.Count > 10)
        {
            errors.Add($"embeds: {embeds.Count}, limit 10");
        }

        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            if (embeds[i] is not JsonObject embed)
            {
                errors.Add($"embeds[{i}]: not an object");
                continue;
            }

            total += Check(errors, $"embeds[{i}].title", Text(embed, "title"), 256);
            total += Check(errors, $"embeds[{i}].description", Text(embed, "description"), 4096);
            total += Check(errors, $"embeds[{i}].footer.text", Text(embed["footer"] as JsonObject, "text"), 2048);
            total += Check(errors, $"embeds[{i}].author.name", Text(embed["author"] as JsonObject, "name"), 256);
            CheckUrl(errors, $"embeds[{i}].url", Text(embed, "url"));
            CheckUrl(errors, $"embeds[{i}].author.url", Text(embed["author"] as JsonObject, "url"));
            if (embed["color"] is JsonValue color && (!color.TryGetValue<long>(out var rgb) || rgb is < 0 or > 0xFFFFFF))
            {
                errors.Add($"embeds[{i}].color: must be 0..16777215");
            }

            if (embed["fields"] is JsonArray fields)
            {
                if (fields.Count > 25)
                {
                    errors.Add($"embeds[{i}].fields: {fields.Count}, limit 25");
                }

                for (var f = 0; f < fields.Count; f++)
                {
                    var field = fields[f] as JsonObject;
                    var name = Text(field, "name");
                    var value = Text(field, "value");
                    if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(value))
                    {
                        errors.Add($"embeds[{i}].fields[{f}]: name and value are required");
                    }

                    total += Check(errors, $"embeds[{i}].fields[{f}].name", name, 256);
                    total += Check(errors, $"embeds[{i}].fields[{f}].value", value, 1024);
                }
            }
        }

        if (total > 6000)
        {
            errors.Add($"embeds: {total} characters in total, limit 6000");
        }
    }

    private static void ValidateComponents(JsonArray? rows, List<string> errors)
    {
        if (rows is null)
        {
            return;
        }

        if (rows.Count > 5)
        {
            errors.Add($"components: {rows.Count} action rows, limit 5");
        }

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not JsonObject row || Int(row, "type") != 1 || row["components"] is not JsonArray buttons)
            {
                errors.Add($"components[{r}]: must be an action row (type 1) with components");
                continue;
            }

            if (buttons.Count is < 1 or > 5)
            {
                errors.Add($"components[{r}]: {buttons.Count} buttons, must be 1..5");
            }

            for (var b = 0; b < buttons.Count; b++)
            {
                var button = buttons[b] as JsonObject;
                var path = $"components[{r}].components[{b}]";
                if (Int(button, "type") != 2)
                {
                    errors.Add($"{path}: only buttons (type 2) are expected");
                    continue;
                }

                Check(errors, $"{path}.label", Text(button, "label"), 80);
                var style = Int(button, "style");
                var customId = Text(button, "custom_id");
                if (style == 5)
                {
                    CheckUrl(errors, $"{path}.url", Text(button, "url") ?? string.Empty);
                }
                else if (style is < 1 or > 4)
                {
                    errors.Add($"{path}.style: {style} is not 1..5");
                }
                else if (string.IsNullOrEmpty(customId) || customId.Length > 100)
                {
                    errors.Add($"{path}.custom_id: required, 1..100 characters");
                }
                else if (!customIds.Add(customId))
                {
                    errors.Add($"{path}.custom_id: '{customId}' is not unique in the message");
                }
            }
        }
    }

    private static void ValidateAllowedMentions(JsonNode? node, List<string> errors)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonObject mentions)
        {
            errors.Add("allowed_mentions: must be an object");
            return;
        }

        var parse = (mentions["parse"] as JsonArray)?.Select(p => p?.GetValue<string>() ?? string.Empty).ToList() ?? [];
        foreach (var type in parse.Where(p => !MentionTypes.Contains(p)))
        {
            errors.Add($"allowed_mentions.parse: '{type}' is not roles, users or everyone");
        }

        foreach (var list in new[] { "roles", "users" })
        {
            if (mentions[list] is JsonArray ids)
            {
                if (parse.Contains(list))
                {
                    errors.Add($"allowed_mentions: parse:[\"{list}\"] and {list}:[…] are mutually exclusive");
                }

                if (ids.Count > 100)
                {
                    errors.Add($"allowed_mentions.{list}: limit 100");
                }
            }
        }
    }

    private static void ValidateNonce(JsonObject body, bool webhook, List<string> errors)
    {
        if (body["nonce"] is not JsonValue nonce)
        {
            if (body["enforce_nonce"] is JsonValue enforce && enforce.TryGetValue<bool>(out var on) && on && !webhook)
            {
                errors.Add("enforce_nonce: requires a nonce");
            }

            return;
        }

        if (nonce.GetValueKind() == JsonValueKind.String && nonce.GetValue<string>().Length > 25)
        {
            errors.Add($"nonce: '{nonce.GetValue<string>()}' is longer than 25 characters");
        }
        else if (nonce.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
        {
            errors.Add("nonce: must be a string or an integer");
        }
    }

    private static int Check(List<string> errors, string path, string? text, int limit)
    {
        var length = Length(text);
        if (length > limit)
        {
            errors.Add($"{path}: {length} characters, limit {limit}");
        }

        return length;
    }

    private static void CheckUrl(List<string> errors, string path, string? url)
    {
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "attachment"))
        {
            errors.Add($"{path}: '{url}' is not an http(s) URL");
        }
    }

    internal static string? Text(JsonObject? node, string name)
        => node?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    internal static int? Int(JsonObject? node, string name)
        => node?[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}
