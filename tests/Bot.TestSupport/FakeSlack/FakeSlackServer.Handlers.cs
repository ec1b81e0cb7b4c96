using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakeSlack;

/// <summary>The request handlers of the fake.</summary>
public sealed partial class FakeSlackServer
{
    private async Task<IResult> PostMessageAsync(HttpContext context)
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

        Capture("chat.postMessage", body);
        var channel = body["channel"] is JsonValue c && c.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrEmpty(channel))
        {
            return Reject("channel_not_found", "chat.postMessage without channel");
        }

        if (await InjectFaultAsync(context, "chat.postMessage", channel, body).ConfigureAwait(false) is { } fault)
        {
            return fault;
        }

        if (Options.UnknownChannels.Contains(channel))
        {
            return NotOk("channel_not_found");
        }

        var problems = FakeSlackValidator.Validate(body);
        if (problems.Count > 0)
        {
            return Reject(problems[0].Split(':')[0], $"{channel}: {string.Join("; ", problems)}");
        }

        var threadTs = body["thread_ts"]?.GetValue<string>();
        lock (_gate)
        {
            if (threadTs is not null && !_messages.Any(m => m.Channel == channel && m.Ts == threadTs))
            {
                _rejections.Add($"{channel}: thread_ts {threadTs} is not a message of this channel");
                return NotOk("thread_not_found");
            }

            if (PacedOut(channel) is { } wait)
            {
                return wait;
            }

            var ts = NextTs();
            _messages.Add(new FakeSlackMessage("chat.postMessage", channel, ts, threadTs, body, Options.Time.GetUtcNow()));
            return Ok(new JsonObject { ["channel"] = channel, ["ts"] = ts, ["message"] = new JsonObject { ["ts"] = ts, ["text"] = body["text"]?.DeepClone() } });
        }
    }

    private IResult HistoryAsync(HttpContext context)
    {
        if (Authorize(context) is { } denied)
        {
            return denied;
        }

        var channel = context.Request.Query["channel"].ToString();
        var (limited, limit, oldest) = HistoryLimits(context, "conversations.history", int.TryParse(context.Request.Query["limit"], out var l) ? l : 100);
        if (limited is not null)
        {
            return limited;
        }

        var withMetadata = context.Request.Query["include_all_metadata"] == "true";
        if (Options.UnknownChannels.Contains(channel))
        {
            return NotOk("channel_not_found");
        }

        // Top-level messages only (thread replies live in conversations.replies), newest first, none before `oldest`.
        var messages = Messages.Where(m => m.Kind == "chat.postMessage" && m.Channel == channel && (m.ThreadTs is null || m.ThreadTs == m.Ts) && AtOrAfter(m.Ts, oldest))
            .Reverse().Take(limit);
        return Ok(new JsonObject { ["messages"] = new JsonArray([.. messages.Select(m => HistoryItem(m, withMetadata))]), ["has_more"] = false });
    }

    private IResult RepliesAsync(HttpContext context)
    {
        if (Authorize(context) is { } denied)
        {
            return denied;
        }

        var channel = context.Request.Query["channel"].ToString();
        var ts = context.Request.Query["ts"].ToString();
        var (limited, limit, oldest) = HistoryLimits(context, "conversations.replies", int.TryParse(context.Request.Query["limit"], out var l) ? l : 100);
        if (limited is not null)
        {
            return limited;
        }

        var withMetadata = context.Request.Query["include_all_metadata"] == "true";
        var thread = Messages.Where(m => m.Kind == "chat.postMessage" && m.Channel == channel && (m.Ts == ts || m.ThreadTs == ts)).ToList();
        if (thread.Count > 0)
        {
            // The parent first, then the replies since `oldest`, up to the limit.
            thread = [thread[0], .. thread.Skip(1).Where(m => AtOrAfter(m.Ts, oldest)).Take(Math.Max(0, limit - 1))];
        }

        return thread.Count == 0
            ? NotOk("thread_not_found")
            : Ok(new JsonObject { ["messages"] = new JsonArray([.. thread.Select(m => HistoryItem(m, withMetadata))]), ["has_more"] = false });
    }

    private IResult UsersInfoAsync(HttpContext context)
    {
        if (Authorize(context) is { } denied)
        {
            return denied;
        }

        var user = context.Request.Query["user"].ToString();
        if (string.IsNullOrEmpty(user))
        {
            return NotOk("user_not_found");
        }

        var admin = Options.WorkspaceAdmins.Contains(user);
        return Ok(new JsonObject { ["user"] = new JsonObject { ["id"] = user, ["is_admin"] = admin, ["is_owner"] = false } });
    }

    private async Task<IResult> WebhookAsync(HttpContext context)
    {
        var (body, problem) = await ReadJsonAsync(context).ConfigureAwait(false);
        var path = context.Request.Path.Value!;
        if (body is null)
        {
            return Reject(problem!, $"webhook: {problem}", HttpStatusCode.BadRequest, text: true);
        }

        Capture("webhook", body);

        if (await InjectFaultAsync(context, "webhook", path, body).ConfigureAwait(false) is { } fault)
        {
            return fault;
        }

        var problems = FakeSlackValidator.Validate(body);
        if (problems.Count > 0)
        {
            return Reject(problems[0].Split(':')[0], $"webhook: {string.Join("; ", problems)}", HttpStatusCode.BadRequest, text: true);
        }

        lock (_gate)
        {
            if (PacedOut(path) is { } wait)
            {
                return wait;
            }

            _messages.Add(new FakeSlackMessage("webhook", path, null, null, body, Options.Time.GetUtcNow()));
        }

        return Results.Text("ok");
    }

    private async Task<IResult> ResponseUrlAsync(HttpContext context)
    {
        var (body, problem) = await ReadJsonAsync(context).ConfigureAwait(false);
        var path = context.Request.Path.Value!;
        if (body is null)
        {
            return Reject(problem!, $"response_url: {problem}", HttpStatusCode.BadRequest);
        }

        Capture("response_url", body);

        var problems = FakeSlackValidator.Validate(body);
        if (problems.Count > 0)
        {
            return Reject(problems[0].Split(':')[0], $"response_url: {string.Join("; ", problems)}", HttpStatusCode.BadRequest);
        }

        lock (_gate)
        {
            var uses = _responseUrlUses.GetValueOrDefault(path) + 1;
            if (uses > 5)
            {
                _rejections.Add($"response_url used more than 5 times: {path}");
                return NotOk("used_url", HttpStatusCode.NotFound);
            }

            _responseUrlUses[path] = uses;
            _messages.Add(new FakeSlackMessage("response_url", path, null, null, body, Options.Time.GetUtcNow()));
        }

        return Ok([]);
    }

    private static JsonObject HistoryItem(FakeSlackMessage m, bool withMetadata)
    {
        var item = new JsonObject { ["type"] = "message", ["ts"] = m.Ts, ["bot_id"] = "B0FAKE", ["text"] = m.Body["text"]?.DeepClone() };
        if (m.ThreadTs is not null)
        {
            item["thread_ts"] = m.ThreadTs;
        }

        if (withMetadata && m.Body["metadata"] is JsonObject metadata)
        {
            item["metadata"] = metadata.DeepClone();
        }

        return item;
    }

    private IResult? Authorize(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return NotOk("not_authed");
        }

        return header == $"Bearer {Options.BotToken}" ? null : NotOk("invalid_auth");
    }

    private async Task<(JsonObject? Body, string? Problem)> ReadJsonAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType ?? string.Empty;
        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "invalid_form_data");
        }

        if (!contentType.Contains("charset=utf-8", StringComparison.OrdinalIgnoreCase))
        {
            lock (_gate)
            {
                _warnings.Add($"missing_charset: {context.Request.Path}");
            }
        }

        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            return node is JsonObject body ? (body, null) : (null, "invalid_json");
        }
        catch (JsonException)
        {
            return (null, "invalid_json");
        }
    }

    private IResult Reject(string error, string detail, HttpStatusCode status = HttpStatusCode.OK, bool text = false)
    {
        lock (_gate)
        {
            _rejections.Add(detail);
        }

        return text ? Results.Text(error, statusCode: (int)status) : NotOk(error, status);
    }
}
