using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Core.Text;
using Bot.Slack.Rendering;
using Bot.Slack.Wire.Messages;

namespace Bot.Slack.Posting;

/// <summary>
/// Turns neutral replies into Slack message bodies through <see cref="SlackRenderer"/> (Block Kit within Slack's limits),
/// as JSON objects the client completes with channel, thread and response fields.
/// </summary>
internal sealed class SlackPayloads
{
    private const int SectionTextLimit = 3000;

    private readonly SlackRenderer _renderer;

    public SlackPayloads(SlackRenderer renderer)
    {
        _renderer = renderer;
    }

    /// <summary>The messages of a scheduled section post, in order (split between entries when long).</summary>
    public IReadOnlyList<JsonObject> RenderPost(SectionPost post) => [.. _renderer.RenderPost(post).Select(ToJson)];

    /// <summary>The message answering a command or a button click.</summary>
    public IReadOnlyList<JsonObject> Render(Reply reply) => [ToJson(_renderer.RenderReply(reply))];

    /// <summary>The parent message of a digest in thread mode.</summary>
    public JsonObject RenderThreadParent(SectionHighlight first)
    {
        var date = first.DigestDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = Link(first.DigestTitle, first.DigestUrl);
        var text = date is null ? $"*{title}*" : $"*{title}* · {date}";
        return Message($"{Escape(first.DigestTitle)}{(date is null ? string.Empty : " · " + date)}", [Section(text + "\nSections follow in this thread.")]);
    }

    private static JsonObject ToJson(SlackMessage message)
        => JsonSerializer.SerializeToNode(message, SlackMessageJsonContext.Default.SlackMessage)!.AsObject();

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

    private static string Cut(string text, int max) => TextTruncator.Truncate(text, max);
}
