using Bot.Discord.Wire.Messages;

namespace Bot.Discord.Rendering;

/// <summary>Discord's documented message limits (API v10), and a checker the renderer's tests and the fake server share.</summary>
public static class DiscordLimits
{
    /// <summary>Message content.</summary>
    public const int ContentLength = 2000;

    /// <summary>Embeds per message.</summary>
    public const int EmbedsPerMessage = 10;

    /// <summary>Characters in all embeds of a message: titles, descriptions, field names and values, footers, author names.</summary>
    public const int EmbedTotalLength = 6000;

    /// <summary>Embed title.</summary>
    public const int TitleLength = 256;

    /// <summary>Embed description.</summary>
    public const int DescriptionLength = 4096;

    /// <summary>Fields per embed.</summary>
    public const int FieldCount = 25;

    /// <summary>Field name.</summary>
    public const int FieldNameLength = 256;

    /// <summary>Field value.</summary>
    public const int FieldValueLength = 1024;

    /// <summary>Footer text.</summary>
    public const int FooterLength = 2048;

    /// <summary>Button label.</summary>
    public const int ButtonLabelLength = 80;

    /// <summary>Component <c>custom_id</c>.</summary>
    public const int CustomIdLength = 100;

    /// <summary>Buttons per action row.</summary>
    public const int ButtonsPerRow = 5;

    /// <summary>Action rows per message.</summary>
    public const int ActionRowsPerMessage = 5;

    /// <summary>Message <c>nonce</c>.</summary>
    public const int NonceLength = 25;

    /// <summary>Thread (forum post) name.</summary>
    public const int ThreadNameLength = 100;

    /// <summary>Ephemeral message flag.</summary>
    public const int EphemeralFlag = 64;

    /// <summary>The characters an embed counts towards <see cref="EmbedTotalLength"/>.</summary>
    public static int EmbedLength(DiscordEmbed embed)
    {
        ArgumentNullException.ThrowIfNull(embed);
        return (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0)
            + (embed.Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0);
    }

    /// <summary>Every way <paramref name="message"/> breaks a documented limit; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(DiscordMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var errors = new List<string>();
        void Check(bool ok, string error)
        {
            if (!ok)
            {
                errors.Add(error);
            }
        }

        var embeds = message.Embeds ?? [];
        Check(!string.IsNullOrEmpty(message.Content) || embeds.Count > 0 || message.Components is { Count: > 0 }, "message is empty");
        Check((message.Content?.Length ?? 0) <= ContentLength, $"content longer than {ContentLength}");
        Check(embeds.Count <= EmbedsPerMessage, $"more than {EmbedsPerMessage} embeds");
        Check(embeds.Sum(EmbedLength) <= EmbedTotalLength, $"embeds total more than {EmbedTotalLength} characters");
        Check(message.AllowedMentions is not null, "allowed_mentions missing");
        Check((message.Nonce?.Length ?? 0) <= NonceLength, $"nonce longer than {NonceLength}");
        Check((message.ThreadName?.Length ?? 0) <= ThreadNameLength, $"thread_name longer than {ThreadNameLength}");
        foreach (var (embed, i) in embeds.Select((e, i) => (e, i)))
        {
            Check((embed.Title?.Length ?? 0) <= TitleLength, $"embeds[{i}].title longer than {TitleLength}");
            Check((embed.Description?.Length ?? 0) <= DescriptionLength, $"embeds[{i}].description longer than {DescriptionLength}");
            Check((embed.Fields?.Count ?? 0) <= FieldCount, $"embeds[{i}] has more than {FieldCount} fields");
            Check((embed.Footer?.Text.Length ?? 0) <= FooterLength, $"embeds[{i}].footer longer than {FooterLength}");
            foreach (var (field, j) in (embed.Fields ?? []).Select((f, j) => (f, j)))
            {
                Check(field.Name.Length is > 0 and <= FieldNameLength, $"embeds[{i}].fields[{j}].name empty or longer than {FieldNameLength}");
                Check(field.Value.Length is > 0 and <= FieldValueLength, $"embeds[{i}].fields[{j}].value empty or longer than {FieldValueLength}");
            }
        }

        var rows = message.Components ?? [];
        Check(rows.Count <= ActionRowsPerMessage, $"more than {ActionRowsPerMessage} action rows");
        foreach (var row in rows)
        {
            Check(row.Type == DiscordComponent.ActionRowType && (row.Components?.Count ?? 0) is > 0 and <= ButtonsPerRow, "an action row must hold 1 to 5 components");
            foreach (var button in row.Components ?? [])
            {
                Check((button.Label?.Length ?? 0) <= ButtonLabelLength, $"button label longer than {ButtonLabelLength}");
                Check((button.CustomId?.Length ?? 0) <= CustomIdLength, $"custom_id longer than {CustomIdLength}");
                Check(button.Style == 5 ? button.Url is not null : button.CustomId is not null, "a button needs a custom_id, or a url for a link button");
            }
        }

        return errors;
    }
}
