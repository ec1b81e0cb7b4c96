using System.Text.RegularExpressions;
using Bot.Slack.Wire.Messages;

namespace Bot.Slack.Tests;

/// <summary>What would ping on Slack: raw mention syntax in the text Slack parses.</summary>
internal static partial class PingCheck
{
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

    [GeneratedRegex(@"<!(channel|here|everyone|subteam)|<@[UW]|<#C|<!date")]
    private static partial Regex SlackMention();
}
