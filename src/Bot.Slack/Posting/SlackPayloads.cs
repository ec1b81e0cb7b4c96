using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Core;

namespace Bot.Slack;

/// <summary>
/// Turns neutral replies into Slack message bodies (JSON objects the client completes with channel, thread and metadata).
/// Until the Block Kit renderer (issue #4) is wired in, this is a plain mrkdwn rendering within Slack's limits.
/// </summary>
internal sealed class SlackPayloads
{
    private const int SectionTextLimit = 3000;

    /// <summary>The messages of a scheduled section post, in order.</summary>
    public IReadOnlyList<JsonObject> RenderPost(SectionPost post) => Render(post.Highlight);

    /// <summary>The parent message of a digest in thread mode.</summary>
    public JsonObject RenderThreadParent(SectionHighlight first)
    {
        var date = first.DigestDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = Link(first.DigestTitle, first.DigestUrl);
        var text = date is null ? $"*{title}*" : $"*{title}* · {date}";
        return Message($"{Escape(first.DigestTitle)}{(date is null ? string.Empty : " · " + date)}", [Section(text + "\nSections follow in this thread.")]);
    }

    /// <summary>The messages answering a command (the first is the reply; Slack shows further ones as follow-ups).</summary>
    public IReadOnlyList<JsonObject> Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var blocks = new JsonArray();
        string fallback;
        switch (reply)
        {
            case SectionHighlight h:
                fallback = $"{h.SectionTitle}: {h.Items.Count} entries from {h.DigestTitle}";
                blocks.Add(Section($"*{Escape(h.SectionTitle)}* · {Link(h.DigestTitle, h.DigestUrl)}"));
                foreach (var item in h.Items)
                {
                    blocks.Add(Section($"*{Link(item.Title, item.Url)}*\n{Escape(item.Summary ?? string.Empty)}"));
                }

                if (h.MoreCount > 0)
                {
                    blocks.Add(Section($"+{h.MoreCount} more in {Link("the full digest", h.DigestUrl)}"));
                }

                break;
            case SearchResults r:
                fallback = $"{r.Total} results for {r.Query} (page {r.Page} of {r.PageCount})";
                blocks.Add(Section($"*{(r.Command == "papers" ? "Papers" : "Search")}: {Escape(r.Query)}* · {r.Total} results · page {r.Page} of {r.PageCount}"));
                foreach (var result in r.Results)
                {
                    blocks.Add(Section($"*{Link(result.Title, result.Url)}*\n{Escape(result.Summary ?? string.Empty)}\n_{Escape(result.DigestTitle)}_"));
                }

                var buttons = new JsonArray();
                if (r.Page > 1)
                {
                    buttons.Add(Button("◀ Previous", $"pg:{r.Page - 1}:{r.PagingState}", "page_previous"));
                }

                if (r.Page < r.PageCount)
                {
                    buttons.Add(Button("Next ▶", $"pg:{r.Page + 1}:{r.PagingState}", "page_next"));
                }

                if (buttons.Count > 0)
                {
                    blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = buttons });
                }

                break;
            case DigestOverview o:
                fallback = o.DigestTitle;
                blocks.Add(Section($"*{Link(o.DigestTitle, o.DigestUrl)}*{(o.Summary is null ? string.Empty : "\n" + Escape(o.Summary))}"));
                blocks.Add(Section(string.Join('\n', o.Sections.Select(s => $"• {Link(s.Title, s.Url)} ({s.Key}): {s.EntryCount}"))));
                break;
            case ReferencesReply refs:
                fallback = $"References of {refs.Entry.Title}";
                blocks.Add(Section($"*References of {Link(refs.Entry.Title, refs.Entry.Url)}*"));
                foreach (var cited in refs.References)
                {
                    var also = cited.AlsoIn.Count == 0 ? string.Empty : $"\n_also in {cited.AlsoIn.Count} more_";
                    blocks.Add(Section($"• {Link(cited.Reference.Title, cited.Reference.Url)}{also}"));
                }

                break;
            case ErrorReply e:
                fallback = e.Message;
                blocks.Add(Section($":warning: {Escape(e.Message)}{(e.Hint is null ? string.Empty : "\n" + Escape(e.Hint))}"));
                break;
            case TextReply t:
                fallback = t.Text;
                blocks.Add(Section(Escape(t.Text)));
                break;
            default:
                fallback = reply.GetType().Name;
                blocks.Add(Section(Escape(fallback)));
                break;
        }

        var fallbackText = Escape(fallback);
        var message = Message(fallbackText, [.. blocks.Take(50).Select(b => b!.DeepClone())]);
        return [message];
    }

    private static JsonObject Message(string fallback, JsonNode[] blocks) => new()
    {
        ["text"] = fallback,
        ["blocks"] = new JsonArray(blocks),
        ["unfurl_links"] = false,
        ["unfurl_media"] = false,
    };

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(string.IsNullOrWhiteSpace(mrkdwn) ? "–" : mrkdwn, SectionTextLimit) },
    };

    private static JsonObject Button(string label, string value, string actionId) => new()
    {
        ["type"] = "button",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
        ["action_id"] = actionId,
        ["value"] = value,
    };

    private static string Link(string text, string? url)
        => url is null || url.Contains('|', StringComparison.Ordinal) || url.Contains('>', StringComparison.Ordinal)
            ? Escape(text)
            : $"<{url}|{Escape(text).Replace('|', '¦')}>";

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => c.ToString() });
        }

        return builder.ToString();
    }

    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = max - 1;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return text[..end] + "…";
    }
}
