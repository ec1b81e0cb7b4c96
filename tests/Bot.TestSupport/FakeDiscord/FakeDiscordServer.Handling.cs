using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>Request handling: routing, auth, rate limits, faults, validation.</summary>
public sealed partial class FakeDiscordServer
{
    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var segments = Segments(request.Path.Value ?? string.Empty);
        var route = Resolve(request.Method, segments);
        if (route is null)
        {
            Record(context, request.Method + " " + string.Join('/', segments), null, 404);
            await WriteJsonAsync(context, 404, Error(0, "404: Not Found")).ConfigureAwait(false);
            return;
        }

        JsonNode? body = null;
        if (request.ContentLength is > 0 || request.Headers.ContainsKey("Transfer-Encoding"))
        {
            try
            {
                body = await JsonNode.ParseAsync(request.Body).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                Record(context, route.Template, null, 400);
                await WriteJsonAsync(context, 400, Error(50109, "The request body contains invalid JSON.")).ConfigureAwait(false);
                return;
            }
        }

        if (route.NeedsBotToken && request.Headers.Authorization.ToString() != "Bot " + Options.BotToken)
        {
            Record(context, route.Template, null, 401);
            await WriteJsonAsync(context, 401, Error(0, "401: Unauthorized")).ConfigureAwait(false);
            return;
        }

        if (InvalidFields(route.Template, body) is { } badFields)
        {
            Record(context, route.Template, null, badFields.Item1);
            await WriteJsonAsync(context, badFields.Item1, badFields.Item2).ConfigureAwait(false);
            return;
        }

        var limit = _limits.For(route.Template, route.Major);
        var (limited, global) = _limits.Check(context.Response, limit, route.CountsTowardsGlobal);
        if (limited is not null)
        {
            Record(context, route.Template, global ? "global" : limit.Key, 429);
            await WriteJsonAsync(context, 429, limited).ConfigureAwait(false);
            return;
        }

        int? denied;
        lock (_lock)
        {
            denied = route.ChannelId is not null && _deniedChannels.TryGetValue(route.ChannelId, out var status) ? status : null;
        }

        if (denied is { } deniedStatus)
        {
            Record(context, route.Template, limit.Key, deniedStatus);
            await WriteJsonAsync(context, deniedStatus, deniedStatus == 404 ? Error(10003, "Unknown Channel") : Error(50013, "Missing Permissions")).ConfigureAwait(false);
            return;
        }

        var fault = route.SendsMessage ? NextFault() : null;
        if (fault is { Kind: not FakeFaultKind.LostResponse })
        {
            await InjectAsync(context, route, limit, fault).ConfigureAwait(false);
            return;
        }

        var (status2, json) = route.Handler(context, segments, body);
        if (fault is not null && status2 < 300)
        {
            // Stored, but the answer is lost: the client must retry, and only the nonce prevents a duplicate.
            Record(context, route.Template, limit.Key, fault.StatusCode, injected: true);
            await WriteJsonAsync(context, fault.StatusCode, Error(0, "502: Bad Gateway")).ConfigureAwait(false);
            return;
        }

        Record(context, route.Template, limit.Key, status2);
        if (route.SendsMessage && status2 < 300 && Options.AnswerDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Options.AnswerDelay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // The client went away (a killed host): the message stays stored, unacknowledged.
            }
        }

        if (status2 == 204)
        {
            context.Response.StatusCode = 204;
            return;
        }

        await WriteJsonAsync(context, status2, json).ConfigureAwait(false);
    }

    private async Task InjectAsync(HttpContext context, FakeRoute route, RouteLimit limit, FakeFault fault)
    {
        Record(context, route.Template, limit.Key, fault.StatusCode, injected: true);
        switch (fault.Kind)
        {
            case FakeFaultKind.TooManyRequests:
                var retry = (fault.Delay ?? TimeSpan.FromMilliseconds(100)).TotalSeconds;
                context.Response.Headers["X-RateLimit-Scope"] = fault.Global ? "global" : "user";
                if (fault.Global)
                {
                    context.Response.Headers["X-RateLimit-Global"] = "true";
                }

                await WriteJsonAsync(context, 429, $$"""{"message":"You are being rate limited.","retry_after":{{retry.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}},"global":{{(fault.Global ? "true" : "false")}}}""").ConfigureAwait(false);
                return;
            case FakeFaultKind.Timeout:
                try
                {
                    await Task.Delay(fault.Delay ?? TimeSpan.FromSeconds(30), context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                await WriteJsonAsync(context, 504, Error(0, "504: Gateway Timeout")).ConfigureAwait(false);
                return;
            default:
                await WriteJsonAsync(context, fault.StatusCode, Error(0, $"{fault.StatusCode}: Server Error")).ConfigureAwait(false);
                return;
        }
    }

    private FakeFault? NextFault()
    {
        lock (_lock)
        {
            if (_faults.Count > 0)
            {
                return _faults.Dequeue();
            }

            if (FailureRate <= 0 || _random.NextDouble() >= FailureRate)
            {
                return null;
            }

            return _random.Next(4) switch
            {
                0 => FakeFault.ServerError(500),
                1 => FakeFault.TooManyRequests(TimeSpan.FromMilliseconds(50)),
                2 => FakeFault.ServerError(503),
                _ => FakeFault.LostResponse(),
            };
        }
    }

    private static string[] Segments(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var skip = 0;
        if (parts.Length > 0 && parts[0] == "api")
        {
            skip = 1;
            if (parts.Length > 1 && parts[1].Length > 1 && parts[1][0] == 'v' && parts[1][1..].All(char.IsAsciiDigit))
            {
                skip = 2;
            }
        }

        return parts[skip..].Select(Uri.UnescapeDataString).ToArray();
    }

    private FakeRoute? Resolve(string method, string[] s)
    {
        return (method, s) switch
        {
            ("GET", ["channels", var c]) => new("GET channels/{channel_id}", c, c, false, GetChannel),
            ("POST", ["channels", var c, "messages"]) => new("POST channels/{channel_id}/messages", c, c, true, CreateMessage),
            ("POST", ["channels", var c, "threads"]) => new("POST channels/{channel_id}/threads", c, c, true, StartForumThread),
            ("POST", ["channels", var c, "messages", _, "crosspost"]) => new("POST channels/{channel_id}/messages/{message_id}/crosspost", c, c, false, Crosspost),
            ("GET", ["webhooks", var id, var token]) when id != Options.ApplicationId => new("GET webhooks/{webhook_id}/{webhook_token}", id, null, false, GetWebhook, NeedsBotToken: false),
            ("POST", ["channels", var c, "messages", _, "threads"]) => new("POST channels/{channel_id}/messages/{message_id}/threads", c, c, false, StartThreadFromMessage),
            ("POST", ["webhooks", var id, var token]) when id == Options.ApplicationId
                => new("POST webhooks/{application_id}/{interaction_token}", token, null, true, Followup, NeedsBotToken: false, CountsTowardsGlobal: false),
            ("POST", ["webhooks", var id, _]) => new("POST webhooks/{webhook_id}/{webhook_token}", id, null, true, ExecuteWebhook, NeedsBotToken: false),
            ("PATCH" or "DELETE", ["webhooks", var id, var token, "messages", "@original"]) when id == Options.ApplicationId
                => new(method + " webhooks/{application_id}/{interaction_token}/messages/@original", token, null, method == "PATCH", EditOriginal, NeedsBotToken: false, CountsTowardsGlobal: false),
            ("PATCH" or "DELETE", ["channels", var c, "messages", _]) => new(method + " channels/{channel_id}/messages/{message_id}", c, c, false, EditChannelMessage),
            ("GET", ["channels", var c, "messages"]) => new("GET channels/{channel_id}/messages", c, c, false, GetChannelMessages),
            ("GET", ["guilds", var g, "threads", "active"]) => new("GET guilds/{guild_id}/threads/active", g, null, false, ActiveThreads),
            ("PATCH" or "DELETE", ["webhooks", var id, _, "messages", var m]) when m != "@original"
                => new(method + " webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", id, null, false, EditWebhookMessage, NeedsBotToken: false),
            ("GET", ["users", "@me"]) => new("GET users/@me", "users", null, false, CurrentUser),
            ("GET", ["guilds", var g, "roles"]) => new("GET guilds/{guild_id}/roles", g, null, false, GuildRoles),
            ("GET", ["guilds", var g, "members", _]) => new("GET guilds/{guild_id}/members/{user_id}", g, null, false, GuildMember),
            ("GET", ["gateway", "bot"]) => new("GET gateway/bot", "gateway", null, false, GatewayBot),
            ("POST", ["interactions", var id, _, "callback"]) => new("POST interactions/{interaction_id}/{interaction_token}/callback", id, null, false, InteractionCallback, NeedsBotToken: false, CountsTowardsGlobal: false),
            ("PUT", ["applications", var app, "commands"]) => new("PUT applications/{application_id}/commands", app, null, false, RegisterCommands),
            ("PUT", ["applications", var app, "guilds", var g, "commands"]) when app.Length > 0 => new("PUT applications/{application_id}/guilds/{guild_id}/commands", g, null, false, RegisterCommands),
            _ => null,
        };
    }

    private sealed record FakeRoute(
        string Template,
        string Major,
        string? ChannelId,
        bool SendsMessage,
        Func<HttpContext, string[], JsonNode?, (int Status, string Json)> Handler,
        bool NeedsBotToken = true,
        bool CountsTowardsGlobal = true);
}
