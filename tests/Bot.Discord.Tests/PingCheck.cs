using System.Text.RegularExpressions;
using Bot.Discord.Wire.Messages;

namespace Bot.Discord.Tests;

/// <summary>What would ping on Discord: raw mention syntax in the text Discord parses.</summary>
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

    [GeneratedRegex(@"@(everyone|here)|<@[!&]?\d+>|<@[!&]?\w")]
    private static partial Regex DiscordMention();
}
