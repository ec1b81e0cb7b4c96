using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakeSlack;

/// <summary>
/// chat.update and chat.delete as Slack's method reference describes them: the message must exist in the channel
/// (<c>message_not_found</c>), have been posted by this app (<c>cant_update_message</c> / <c>cant_delete_message</c>),
/// and for updates lie within the workspace's edit window (<c>edit_window_closed</c>). Also every body and query the
/// fake receives, per method, for the captured-payload checks.
/// </summary>
public sealed partial class FakeSlackServer
{
    private readonly List<(string Method, JsonObject Body)> _requests = [];
    private readonly List<(string Ts, JsonObject Body)> _updates = [];
    private readonly List<string> _deletes = [];
    private readonly Dictionary<string, DateTimeOffset> _lastHistory = new(StringComparer.Ordinal);

    /// <summary>Every request (JSON body, or the query of a GET as an object) with its method, in order.</summary>
    public IReadOnlyList<(string Method, JsonObject Body)> Requests { get { lock (_gate) { return [.. _requests]; } } }

    /// <summary>Accepted chat.update calls (ts, body), in order.</summary>
    public IReadOnlyList<(string Ts, JsonObject Body)> Updates { get { lock (_gate) { return [.. _updates]; } } }

    /// <summary>The ts of messages removed by chat.delete, in order.</summary>
    public IReadOnlyList<string> Deletes { get { lock (_gate) { return [.. _deletes]; } } }

    /// <summary>Stores a message as a person (not the app) would have posted it; returns its ts.</summary>
    public string AddForeignMessage(string channel, string text)
    {
        lock (_gate)
        {
            var ts = NextTs();
            _messages.Add(new FakeSlackMessage("user", channel, ts, null, new JsonObject { ["text"] = text }, Options.Time.GetUtcNow()));
            return ts;
        }
    }

    private void Capture(string method, JsonObject body)
    {
        lock (_gate)
        {
            _requests.Add((method, (JsonObject)body.DeepClone()));
        }
    }

    private static JsonObject QueryOf(HttpContext context)
        => new([.. context.Request.Query.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)JsonValue.Create(q.Value.ToString())))]);

    private async Task<IResult> UpdateAsync(HttpContext context)
    {
        if (Authorize(context) is { } denied)
        {
            return denied;
        }

        var (body, problem) = await ReadJsonAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return NotOk(problem!);
        }

        Capture("chat.update", body);
        var (channel, ts) = (Str(body, "channel"), Str(body, "ts"));
        if (string.IsNullOrEmpty(channel) || Options.UnknownChannels.Contains(channel))
        {
            return NotOk("channel_not_found");
        }

        var problems = FakeSlackValidator.Validate(body);
        if (problems.Count > 0)
        {
            return Reject(problems[0].Split(':')[0], $"chat.update {channel}: {string.Join("; ", problems)}");
        }

        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.Channel == channel && m.Ts == ts);
            if (index < 0)
            {
                return NotOk("message_not_found");
            }

            var message = _messages[index];
            if (message.Kind != "chat.postMessage")
            {
                return NotOk("cant_update_message");
            }

            if (Options.EditWindow is { } window && Options.Time.GetUtcNow() - message.ReceivedAt > window)
            {
                return NotOk("edit_window_closed");
            }

            var merged = (JsonObject)message.Body.DeepClone();
            foreach (var (name, value) in body)
            {
                merged[name] = value?.DeepClone();
            }

            _messages[index] = message with { Body = merged };
            _updates.Add((ts!, (JsonObject)body.DeepClone()));
            return Ok(new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = body["text"]?.DeepClone() });
        }
    }

    private async Task<IResult> DeleteAsync(HttpContext context)
    {
        if (Authorize(context) is { } denied)
        {
            return denied;
        }

        var (body, problem) = await ReadJsonAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return NotOk(problem!);
        }

        Capture("chat.delete", body);
        var (channel, ts) = (Str(body, "channel"), Str(body, "ts"));
        if (string.IsNullOrEmpty(channel) || Options.UnknownChannels.Contains(channel))
        {
            return NotOk("channel_not_found");
        }

        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.Channel == channel && m.Ts == ts);
            if (index < 0)
            {
                return NotOk("message_not_found");
            }

            if (_messages[index].Kind != "chat.postMessage")
            {
                return NotOk("cant_delete_message");
            }

            _messages.RemoveAt(index);
            _deletes.Add(ts!);
            return Ok(new JsonObject { ["channel"] = channel, ["ts"] = ts });
        }
    }

    /// <summary>
    /// Slack's limits for apps outside its directory on conversations.history/replies: one call a minute per method (429
    /// with Retry-After otherwise) and at most 15 messages (a larger <c>limit</c> is recorded as a rejection and cut).
    /// </summary>
    private (IResult? Limited, int Limit, double? Oldest) HistoryLimits(HttpContext context, string method, int requested)
    {
        var oldestText = context.Request.Query["oldest"].ToString();
        double? oldest = double.TryParse(oldestText, NumberStyles.Float, CultureInfo.InvariantCulture, out var o) ? o : null;
        lock (_gate)
        {
            _requests.Add((method, QueryOf(context)));
            if (Options.HistoryInterval > TimeSpan.Zero)
            {
                var now = Options.Time.GetUtcNow();
                if (_lastHistory.TryGetValue(method, out var last) && now - last < Options.HistoryInterval)
                {
                    _rejections.Add($"{method}: called again after {(now - last).TotalSeconds:0.#} s (1 per minute)");
                    return (RateLimited((int)Math.Ceiling((Options.HistoryInterval - (now - last)).TotalSeconds)), 0, oldest);
                }

                _lastHistory[method] = now;
                if (requested > 15)
                {
                    _rejections.Add($"{method}: limit={requested} (at most 15)");
                }
            }
        }

        return (null, Options.HistoryInterval > TimeSpan.Zero ? Math.Min(requested, 15) : requested, oldest);
    }

    private static bool AtOrAfter(string? ts, double? oldest)
        => oldest is null || (double.TryParse(ts, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t >= oldest);

    private static string? Str(JsonObject body, string name) => body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
