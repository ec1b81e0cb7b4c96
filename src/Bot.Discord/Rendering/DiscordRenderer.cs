using System.Security.Cryptography;
using System.Text;
using Bot.Core.Commands;
using Bot.Core.Highlights;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Core.Templates;
using Bot.Core.Text;
using Bot.Discord.Wire.Messages;

namespace Bot.Discord.Rendering;

/// <summary>
/// Renders neutral replies and section posts into Discord message bodies within every documented limit, with the
/// text pieces from <c>templates/discord/*.liquid</c> and <c>allowed_mentions: {"parse": []}</c> on every message.
/// </summary>
public sealed class DiscordRenderer
{
    private const string Empty = "\u2014";
    private const int ContinuationReserve = 12; // " (100/100)" and then some
    private const int MarkerReserve = 32; // " · bot-" and a nonce, when the marker goes in the footer

    private readonly TemplateStore _templates;

    /// <summary>Creates the renderer over the template store.</summary>
    public DiscordRenderer(TemplateStore templates)
    {
        _templates = templates;
    }

    /// <summary>A renderer over the templates shipped next to the binaries.</summary>
    public static DiscordRenderer CreateDefault() => new(TemplateStore.CreateDefault(DiscordMarkup.Dialect));

    /// <summary>
    /// The messages of a scheduled section post, in order. A section too long for one message continues in the next,
    /// split between entries. Each carries a nonce derived from the ledger key and the message's position.
    /// </summary>
    public IReadOnlyList<DiscordMessage> RenderPost(SectionPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var embeds = SectionEmbeds(post.Highlight, int.MaxValue);
        var role = IsSnowflake(post.MentionRoleId) ? post.MentionRoleId : null;
        var messages = new List<DiscordMessage>(embeds.Count);
        for (var i = 0; i < embeds.Count; i++)
        {
            var first = i == 0;
            messages.Add(new DiscordMessage
            {
                Content = first && role is not null ? $"<@&{role}>" : null,
                Embeds = [Mark(embeds[i], Nonce(post.LedgerKey, i))],
                AllowedMentions = first && role is not null ? new DiscordAllowedMentions { Roles = [role] } : DiscordAllowedMentions.None,
                Nonce = Nonce(post.LedgerKey, i),
                EnforceNonce = true,
                ThreadName = first && !string.IsNullOrWhiteSpace(post.ThreadName) ? ThreadName(post.ThreadName) : null,
            });
        }

        return messages;
    }

    /// <summary>
    /// The message of an interaction reply (the <c>data</c> of a type 4/7 response, or an edit of <c>@original</c>).
    /// <paramref name="ephemeral"/> overrides <see cref="Reply.Ephemeral"/>; errors are always ephemeral.
    /// </summary>
    public DiscordMessage RenderReply(Reply reply, bool? ephemeral = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var message = reply switch
        {
            SectionHighlight h => new DiscordMessage { Embeds = [SectionEmbeds(h, 1)[0]] },
            SearchResults r => Search(r),
            DigestOverview o => Overview(o),
            ReferencesReply refs => References(refs),
            ErrorReply e => Content("error", TemplateModels.Error(e)),
            TextReply t => Content("text", TemplateModels.Text(t)),
            _ => new DiscordMessage { Content = "This reply cannot be shown on Discord." },
        };
        var hidden = reply is ErrorReply || (ephemeral ?? reply.Ephemeral);
        return message with { Flags = hidden ? DiscordLimits.EphemeralFlag : null };
    }

    /// <summary>
    /// The marker that finds message <paramref name="part"/> of a post again after a lost answer (fetched messages carry no
    /// nonce): its nonce as the fragment of the embed's link, invisible to readers, or in the footer when there is no link.
    /// </summary>
    public static string Marker(string ledgerKey, int part) => "bot-" + Nonce(ledgerKey, part);

    /// <summary>The nonce of message <paramref name="part"/> of a post: 24 hex characters of SHA-256 over the ledger key.</summary>
    public static string Nonce(string ledgerKey, int part)
    {
        ArgumentNullException.ThrowIfNull(ledgerKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{ledgerKey}#{part}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    private static DiscordEmbed Mark(DiscordEmbed embed, string nonce)
    {
        if (embed.Url is { } url && !url.Contains('#', StringComparison.Ordinal))
        {
            return embed with { Url = $"{url}#bot-{nonce}" };
        }

        var footer = embed.Footer?.Text is { Length: > 0 } text ? $"{text} \u00b7 bot-{nonce}" : $"bot-{nonce}";
        return embed with { Footer = new DiscordEmbedFooter(footer) };
    }

    private List<DiscordEmbed> SectionEmbeds(SectionHighlight highlight, int maxMessages)
    {
        var model = TemplateModels.Highlight(highlight);
        var title = Cut(Part("section", "title", model), DiscordLimits.TitleLength - ContinuationReserve);
        var description = Cut(Part("section", "description", model), 1024);
        var footer = Cut(Part("section", "footer", model, encoder: DiscordPlainEncoder.Instance), 256);
        var fields = highlight.Items.Select((item, i) => Field("section", model, TemplateModels.Item(item, i + 1))).ToList();
        var color = DiscordColors.Of(SectionKinds.Classify(highlight.SectionKey));

        while (true)
        {
            var more = highlight.MoreCount + (highlight.Items.Count - fields.Count);
            var all = new List<DiscordEmbedField>(fields);
            if (more > 0)
            {
                // "+K more" is the last field, linking to the full digest, so it reads after the entries.
                var moreModel = new Dictionary<string, object?>(model) { ["more"] = more };
                var name = Cut(Part("section", "more_name", moreModel), DiscordLimits.FieldNameLength);
                var value = Cut(Part("section", "more", moreModel), DiscordLimits.FieldValueLength);
                all.Add(new DiscordEmbedField(name.Length == 0 ? Empty : name, value.Length == 0 ? Empty : value));
            }

            var pages = Pack(title.Length + description.Length + footer.Length + ContinuationReserve + MarkerReserve, all);
            if (pages.Count > maxMessages)
            {
                var keep = Math.Max(0, pages.Take(maxMessages).Sum(p => p.Count) - 1);
                fields.RemoveRange(keep, fields.Count - keep);
                continue;
            }

            var embeds = new List<DiscordEmbed>(pages.Count);
            for (var i = 0; i < pages.Count; i++)
            {
                embeds.Add(new DiscordEmbed
                {
                    Title = pages.Count > 1 ? $"{title} ({i + 1}/{pages.Count})" : title,
                    Url = LinkMarkup.SafeUrl(highlight.DigestUrl),
                    Description = i == 0 && description.Length > 0 ? description : null,
                    Color = color,
                    Fields = pages[i],
                    Footer = footer.Length == 0 ? null : new DiscordEmbedFooter(footer),
                });
            }

            return embeds;
        }
    }

    // Packs fields into pages of at most 25 that keep each embed within the total, never splitting a field.
    private static List<List<DiscordEmbedField>> Pack(int overhead, List<DiscordEmbedField> fields)
    {
        var pages = new List<List<DiscordEmbedField>> { new() };
        var used = overhead;
        foreach (var field in fields)
        {
            var size = field.Name.Length + field.Value.Length;
            if (pages[^1].Count > 0 && (pages[^1].Count == DiscordLimits.FieldCount || used + size > DiscordLimits.EmbedTotalLength))
            {
                pages.Add([]);
                used = overhead;
            }

            pages[^1].Add(field);
            used += size;
        }

        return pages;
    }

    private DiscordMessage Search(SearchResults results)
    {
        var model = TemplateModels.Search(results);
        var embed = new DiscordEmbed
        {
            Title = Cut(Part("search", "title", model), DiscordLimits.TitleLength),
            Description = NullIfEmpty(Cut(Part("search", "description", model), 1024)),
            Color = DiscordColors.Neutral,
            Fields = results.Results.Take(DiscordLimits.FieldCount).Select((r, i) => Field("search", model, TemplateModels.SearchItem(r, i + 1))).ToList(),
            Footer = Footer("search", model),
        };
        var components = new List<DiscordComponent>();
        if (results.PageCount > 1)
        {
            components.Add(new DiscordComponent
            {
                Type = DiscordComponent.ActionRowType,
                Components =
                [
                    PageButton(Part("search", "previous", model, encoder: DiscordPlainEncoder.Instance), results.PagingState, results.Page - 1, results.Page <= 1),
                    PageButton(Part("search", "next", model, encoder: DiscordPlainEncoder.Instance), results.PagingState, results.Page + 1, results.Page >= results.PageCount),
                ],
            });
        }

        return new DiscordMessage { Embeds = [DiscordEmbedFitter.Fit(embed)], Components = components.Count == 0 ? null : components };
    }

    private DiscordMessage Overview(DigestOverview overview)
    {
        var model = TemplateModels.Overview(overview);
        var sections = overview.Sections.Select((s, i) => Field("overview", model, TemplateModels.OverviewSection(s, i + 1))).ToList();
        if (sections.Count > DiscordLimits.FieldCount)
        {
            var rest = sections.Count - (DiscordLimits.FieldCount - 1);
            sections = [.. sections.Take(DiscordLimits.FieldCount - 1), new DiscordEmbedField($"+{rest} more sections", "/digest shows the first 24.")];
        }

        var embed = new DiscordEmbed
        {
            Title = Cut(Part("overview", "title", model), DiscordLimits.TitleLength),
            Url = LinkMarkup.SafeUrl(overview.DigestUrl),
            Description = NullIfEmpty(Cut(Part("overview", "description", model), 2048)),
            Color = DiscordColors.Neutral,
            Fields = sections,
            Footer = Footer("overview", model),
        };
        return new DiscordMessage { Embeds = [DiscordEmbedFitter.Fit(embed)] };
    }

    private DiscordMessage References(ReferencesReply reply)
    {
        var model = TemplateModels.References(reply);
        var fields = reply.References.Take(DiscordLimits.FieldCount).Select((r, i) => Field("references", model, TemplateModels.Reference(r, i + 1))).ToList();
        var embed = new DiscordEmbed
        {
            Title = Cut(Part("references", "title", model), DiscordLimits.TitleLength),
            Url = LinkMarkup.SafeUrl(reply.Entry.Url),
            Description = NullIfEmpty(Cut(Part("references", "description", model), 2048)),
            Color = DiscordColors.Neutral,
            Fields = fields,
            Footer = Footer("references", model),
        };
        return new DiscordMessage { Embeds = [DiscordEmbedFitter.Fit(embed)] };
    }

    private DiscordMessage Content(string template, Dictionary<string, object?> model)
        => new() { Content = Cut(Part(template, "content", model), DiscordLimits.ContentLength) is { Length: > 0 } text ? text : Empty };

    private DiscordEmbedField Field(string template, Dictionary<string, object?> model, Dictionary<string, object?> item)
    {
        var name = Cut(Part(template, "item_name", model, item), DiscordLimits.FieldNameLength);
        var value = Cut(Part(template, "item", model, item), DiscordLimits.FieldValueLength);
        return new DiscordEmbedField(name.Length == 0 ? Empty : name, value.Length == 0 ? Empty : value);
    }

    private DiscordEmbedFooter? Footer(string template, Dictionary<string, object?> model)
        => Cut(Part(template, "footer", model, encoder: DiscordPlainEncoder.Instance), 256) is { Length: > 0 } text ? new DiscordEmbedFooter(text) : null;

    private static DiscordComponent PageButton(string label, string state, int page, bool disabled) => new()
    {
        Type = DiscordComponent.ButtonType,
        Style = 2,
        Label = Cut(label, DiscordLimits.ButtonLabelLength) is { Length: > 0 } text ? text : page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CustomId = PagingState.ToToken(state, Math.Max(0, page)),
        Disabled = disabled ? true : null,
    };

    private string Part(string template, string part, Dictionary<string, object?> model, Dictionary<string, object?>? item = null, EscapingTextEncoder? encoder = null)
        => _templates.Render(DiscordMarkup.Dialect, template, part, model, item, encoder);

    private static string Cut(string text, int max) => TextTruncator.Truncate(text, max);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string ThreadName(string name) => TextTruncator.Truncate(DiscordPlainEncoder.Instance.Escape(name.ReplaceLineEndings(" ").Trim()), DiscordLimits.ThreadNameLength);

    private static bool IsSnowflake(string? id) => id is { Length: > 0 and <= 20 } && id.All(char.IsAsciiDigit);
}
