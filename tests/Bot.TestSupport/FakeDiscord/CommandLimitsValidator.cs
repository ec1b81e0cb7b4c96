using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>
/// Discord's documented limits on application command definitions (bulk overwrite): names, descriptions, options,
/// choices, ordering and size. Each broken rule becomes one readable line.
/// </summary>
public static partial class CommandLimitsValidator
{
    private static readonly HashSet<int> OptionTypes = [3, 4, 5, 6, 7, 8, 9, 10, 11];

    // Discord's locale list (Reference > Locales).
    private static readonly HashSet<string> Locales = ["id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko"];

    /// <summary>
    /// Checks the body of <c>PUT /applications/{id}/commands</c>, or of the guild route when <paramref name="guild"/>:
    /// <c>contexts</c> and <c>integration_types</c> are documented for globally-scoped commands only.
    /// </summary>
    public static IReadOnlyList<string> Validate(JsonNode? body, bool guild)
    {
        var errors = (List<string>)Validate(body);
        foreach (var (command, i) in (body as JsonArray ?? []).Select((c, i) => (c as JsonObject, i)))
        {
            if (guild && command?["contexts"] is not null and not JsonValue)
            {
                errors.Add($"[{i}].contexts: only for globally-scoped commands");
            }

            if (guild && command?["integration_types"] is not null and not JsonValue)
            {
                errors.Add($"[{i}].integration_types: only for globally-scoped commands");
            }

            CheckLocalizations(errors, $"[{i}]", command);
            foreach (var (option, j) in (command?["options"] as JsonArray ?? []).Select((o, j) => (o as JsonObject, j)))
            {
                CheckLocalizations(errors, $"[{i}].options[{j}]", option);
            }
        }

        return errors;
    }

    private static void CheckLocalizations(List<string> errors, string path, JsonObject? node)
    {
        foreach (var (locale, value) in node?["name_localizations"] as JsonObject ?? [])
        {
            if (!Locales.Contains(locale))
            {
                errors.Add($"{path}.name_localizations: '{locale}' is not a Discord locale");
            }

            CheckName(errors, $"{path}.name_localizations.{locale}", value?.GetValue<string>());
        }

        foreach (var (locale, value) in node?["description_localizations"] as JsonObject ?? [])
        {
            if (!Locales.Contains(locale))
            {
                errors.Add($"{path}.description_localizations: '{locale}' is not a Discord locale");
            }

            CheckDescription(errors, $"{path}.description_localizations.{locale}", value?.GetValue<string>());
        }
    }

    /// <summary>Checks the body of <c>PUT /applications/{id}/commands</c>.</summary>
    public static IReadOnlyList<string> Validate(JsonNode? body)
    {
        var errors = new List<string>();
        if (body is not JsonArray commands)
        {
            errors.Add("body: must be an array of commands");
            return errors;
        }

        if (commands.Count > 100)
        {
            errors.Add($"commands: {commands.Count}, limit 100 chat input commands");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i] as JsonObject;
            var path = $"[{i}]";
            var name = DiscordLimitsValidator.Text(command, "name");
            CheckName(errors, path, name);
            if (name is not null && !names.Add(name))
            {
                errors.Add($"{path}.name: '{name}' is registered twice");
            }

            CheckDescription(errors, path, DiscordLimitsValidator.Text(command, "description"));
            if (DiscordLimitsValidator.Int(command, "type") is { } type && type != 1)
            {
                errors.Add($"{path}.type: only chat input commands (1) are expected");
            }

            if (command?["default_member_permissions"] is JsonNode permissions
                && !(permissions is JsonValue p && p.TryGetValue<string>(out var bits) && bits.All(char.IsAsciiDigit) && bits.Length > 0))
            {
                errors.Add($"{path}.default_member_permissions: must be a string of a decimal permission bit set");
            }

            var size = Length(name) + Length(DiscordLimitsValidator.Text(command, "description"));
            size += CheckOptions(errors, path, command?["options"] as JsonArray);
            if (size > 4000)
            {
                errors.Add($"{path}: {size} characters of names, descriptions and choices, limit 4000");
            }
        }

        return errors;
    }

    private static int CheckOptions(List<string> errors, string path, JsonArray? options)
    {
        if (options is null)
        {
            return 0;
        }

        if (options.Count > 25)
        {
            errors.Add($"{path}.options: {options.Count}, limit 25");
        }

        var size = 0;
        var seenOptional = false;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var o = 0; o < options.Count; o++)
        {
            var option = options[o] as JsonObject;
            var at = $"{path}.options[{o}]";
            var name = DiscordLimitsValidator.Text(option, "name");
            var description = DiscordLimitsValidator.Text(option, "description");
            CheckName(errors, at, name);
            CheckDescription(errors, at, description);
            size += Length(name) + Length(description);
            if (name is not null && !names.Add(name))
            {
                errors.Add($"{at}.name: '{name}' appears twice");
            }

            var type = DiscordLimitsValidator.Int(option, "type");
            if (type is null || !OptionTypes.Contains(type.Value))
            {
                errors.Add($"{at}.type: {type} is not a value option type (3..11)");
            }

            var required = option?["required"] is JsonValue r && r.TryGetValue<bool>(out var req) && req;
            if (required && seenOptional)
            {
                errors.Add($"{at}: required options must come before optional ones");
            }

            seenOptional |= !required;
            var autocomplete = option?["autocomplete"] is JsonValue a && a.TryGetValue<bool>(out var auto) && auto;
            if (option?["choices"] is JsonArray choices)
            {
                if (autocomplete)
                {
                    errors.Add($"{at}: autocomplete and choices cannot both be set");
                }

                if (choices.Count > 25)
                {
                    errors.Add($"{at}.choices: {choices.Count}, limit 25");
                }

                for (var c = 0; c < choices.Count; c++)
                {
                    var choice = choices[c] as JsonObject;
                    var choiceName = DiscordLimitsValidator.Text(choice, "name");
                    if (Length(choiceName) is < 1 or > 100)
                    {
                        errors.Add($"{at}.choices[{c}].name: must be 1..100 characters");
                    }

                    var value = choice?["value"];
                    var valueText = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();
                    if (type == 3 && (valueText is null || Length(valueText) > 100))
                    {
                        errors.Add($"{at}.choices[{c}].value: a string of at most 100 characters");
                    }

                    size += Length(choiceName) + Length(valueText);
                }
            }

            if (DiscordLimitsValidator.Int(option, "min_length") is { } minLength && minLength is < 0 or > 6000)
            {
                errors.Add($"{at}.min_length: 0..6000");
            }

            if (DiscordLimitsValidator.Int(option, "max_length") is { } maxLength && maxLength is < 1 or > 6000)
            {
                errors.Add($"{at}.max_length: 1..6000");
            }

            if ((option?["min_value"] is not null || option?["max_value"] is not null) && type is not (4 or 10))
            {
                errors.Add($"{at}: min_value/max_value only apply to integer and number options");
            }
        }

        return size;
    }

    private static void CheckName(List<string> errors, string path, string? name)
    {
        if (name is null || !NamePattern().IsMatch(name))
        {
            errors.Add($"{path}.name: '{name}' must match ^[-_'\\p{{L}}\\p{{N}}]{{1,32}}$");
        }
        else if (!string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            errors.Add($"{path}.name: '{name}' must be lowercase");
        }
    }

    private static void CheckDescription(List<string> errors, string path, string? description)
    {
        if (Length(description) is < 1 or > 100)
        {
            errors.Add($"{path}.description: must be 1..100 characters");
        }
    }

    private static int Length(string? text) => DiscordLimitsValidator.Length(text);

    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex NamePattern();
}
