using Bot.Core.Text;
using Bot.Discord.Wire.Messages;


namespace Bot.Discord.Rendering;

/// <summary>Shrinks an embed's longest field values (then its description) until it fits the 6000-character total.</summary>
internal static class DiscordEmbedFitter
{
    public static DiscordEmbed Fit(DiscordEmbed embed, int budget = DiscordLimits.EmbedTotalLength)
    {
        var excess = DiscordLimits.EmbedLength(embed) - budget;
        if (excess <= 0)
        {
            return embed;
        }

        var fields = embed.Fields?.ToList() ?? [];
        while (excess > 0 && fields.Count > 0)
        {
            var longest = fields.Select((f, i) => (f, i)).MaxBy(x => x.f.Value.Length);
            if (longest.f.Value.Length <= 64)
            {
                break;
            }

            var target = Math.Max(64, longest.f.Value.Length - excess);
            var shorter = TextTruncator.Truncate(longest.f.Value, target);
            excess -= longest.f.Value.Length - shorter.Length;
            fields[longest.i] = longest.f with { Value = shorter };
        }

        var description = embed.Description;
        if (excess > 0 && description is not null)
        {
            var target = Math.Max(0, description.Length - excess);
            var shorter = TextTruncator.Truncate(description, target);
            excess -= description.Length - shorter.Length;
            description = shorter.Length == 0 ? null : shorter;
        }

        while (excess > 0 && fields.Count > 0)
        {
            excess -= fields[^1].Name.Length + fields[^1].Value.Length;
            fields.RemoveAt(fields.Count - 1);
        }

        return embed with { Fields = fields, Description = description };
    }
}
