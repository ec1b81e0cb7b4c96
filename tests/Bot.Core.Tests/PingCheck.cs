using System.Text.RegularExpressions;
using Bot.Discord;
using Bot.Slack;

namespace Bot.Core.Tests;

/// <summary>What would ping on each platform: raw mention syntax in the text a platform parses.</summary>
internal static partial class PingCheck
{
    /// <summary>Mentions in a Discord message that would notify someone (ignoring an allowed, opted-in role).</summary>
    public static IReadOnlyList<string> Discord(DiscordMessage message, string? allowedRole = null)
    {
        var problems = new List<string>();
        if (message.AllowedMentions is null || message.AllowedMentions.Parse.Count != 0)
        {
            problems.Add("allowed_mentions.parse is not empty");
        }

        var roles = message.AllowedMentions?.Roles ?? [];
        if (roles.Any(r => r != allowedRole) || message.AllowedMentions?.Users is { Count: > 0 })
        {
            problems.Add("allowed_mentions lists more than the opted-in role");
        }

        var texts = new List<string?> { message.Content };
        foreach (var embed in message.Embeds ?? [])
        {
            texts.AddRange([embed.Title, embed.Description, embed.Footer?.Text]);
            texts.AddRange((embed.Fields ?? []).SelectMany(f => new[] { f.Name, f.Value }));
        }

        foreach (var text in texts.Where(t => t is not null))
        {
            foreach (Match m in DiscordMention().Matches(text!))
            {
                if (allowedRole is null || m.Value != $"<@&{allowedRole}>")
                {
                    problems.Add($"raw mention {m.Value}");
                }
            }
        }

        return problems;
    }

    /// <summary>Mentions in a Slack message's text and blocks that would notify someone.</summary>
    public static IReadOnlyList<string> Slack(SlackMessage message)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(message, SlackMessageJsonContext.Default.SlackMessage);
        var document = System.Text.Json.JsonDocument.Parse(json);
        var problems = new List<string>();
        foreach (var text in Strings(document.RootElement).Append(message.Text))
        {
            foreach (Match m in SlackMention().Matches(text))
            {
                problems.Add($"raw mention {m.Value}");
            }
        }

        return problems;
    }

    private static IEnumerable<string> Strings(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => [element.GetString()!],
        // Only "text" is shown and parsed for mentions; a button's value and action_id are sent back, never shown.
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().Where(p => p.Name is "text" or "blocks" or "elements" or "fields" or "accessory")
            .SelectMany(p => Strings(p.Value)),
        System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [GeneratedRegex(@"@(everyone|here)|<@[!&]?\d+>|<@[!&]?\w")]
    private static partial Regex DiscordMention();

    [GeneratedRegex(@"<!(channel|here|everyone|subteam)|<@[UW]|<#C|<!date")]
    private static partial Regex SlackMention();
}
