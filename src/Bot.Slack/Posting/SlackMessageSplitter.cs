using System.Text.Json.Nodes;
using Bot.Slack.Api;

namespace Bot.Slack.Posting;

/// <summary>
/// Slack refuses a message whose blocks are too long in total (<c>msg_blocks_too_long</c>, a ceiling it does not
/// document), whose blocks are invalid because of length (<c>invalid_blocks</c>), or that carries too many attachments
/// (<c>too_many_attachments</c>). Those are answers about size, not about the content: the message is split in two
/// between blocks and each half sent, rather than the post failing for good.
/// </summary>
public static class SlackMessageSplitter
{
    private static readonly HashSet<string> SizeErrors = new(StringComparer.Ordinal) { "msg_blocks_too_long", "invalid_blocks", "too_many_attachments", "msg_too_long" };

    /// <summary>True when <paramref name="error"/> is about size and <paramref name="message"/> can still be halved.</summary>
    public static bool CanSplit(string error, JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SizeErrors.Contains(error) && (Count(message, "blocks") > 1 || Count(message, "attachments") > 1);
    }

    /// <summary>Two messages, each with half of the blocks (or attachments) and the rest of the fields as they were.</summary>
    public static (JsonObject First, JsonObject Second) Split(JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var key = Count(message, "blocks") > 1 ? "blocks" : "attachments";
        var items = message[key]!.AsArray();
        var half = items.Count / 2;
        var first = (JsonObject)message.DeepClone();
        var second = (JsonObject)message.DeepClone();
        first[key] = new JsonArray([.. items.Take(half).Select(i => i?.DeepClone())]);
        second[key] = new JsonArray([.. items.Skip(half).Select(i => i?.DeepClone())]);
        return (first, second);
    }

    /// <summary>Sends <paramref name="message"/>, halving it as often as Slack's size answers require; returns the last answer.</summary>
    public static async Task<T> SendAsync<T>(JsonObject message, Func<JsonObject, Task<T>> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        try
        {
            return await send(message).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (CanSplit(ex.Error, message))
        {
            var (first, second) = Split(message);
            await SendAsync(first, send).ConfigureAwait(false);
            return await SendAsync(second, send).ConfigureAwait(false);
        }
    }

    /// <summary>As <see cref="SendAsync{T}"/>, for sends without an answer (incoming webhooks).</summary>
    public static Task SendAsync(JsonObject message, Func<JsonObject, Task> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        return SendAsync(message, async m =>
        {
            await send(m).ConfigureAwait(false);
            return true;
        });
    }

    private static int Count(JsonObject message, string key) => message[key] is JsonArray array ? array.Count : 0;
}
