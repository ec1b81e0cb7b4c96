using System.Text.Json.Nodes;
using Bot.Core.Replies;
using Bot.Slack.Api;
using Bot.Slack.Posting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Slack.Http;

/// <summary>
/// Answers within Slack's 3 seconds: inline when the reply is ready within <see cref="SlackOptions.InlineReplyBudget"/>,
/// otherwise an empty acknowledgement now and the reply posted to <c>response_url</c> when it is ready.
/// </summary>
internal sealed partial class SlackReplySender
{
    private readonly SlackApiClient _client;
    private readonly SlackPayloads _payloads;
    private readonly IOptionsMonitor<SlackOptions> _options;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<SlackReplySender> _logger;

    public SlackReplySender(SlackApiClient client, SlackPayloads payloads, IOptionsMonitor<SlackOptions> options, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<SlackReplySender> logger)
    {
        _client = client;
        _payloads = payloads;
        _options = options;
        _time = time;
        _lifetime = lifetime;
        _logger = logger;
    }

    /// <summary>The token for work that outlives the request (deferred replies): the host's stopping token.</summary>
    public CancellationToken Stopping => _lifetime.ApplicationStopping;

    /// <summary>Runs <paramref name="work"/> and answers a slash command inline or through <paramref name="responseUrl"/>.</summary>
    public async Task<IResult> RespondAsync(Task<Reply> work, string? responseUrl, bool inChannel, string what)
    {
        var safe = Safe(work, what);
        var url = ResponseUri(responseUrl);
        Reply? ready = null;
        try
        {
            // WaitAsync drops its timer as soon as the reply is ready, so fast answers leave nothing behind.
            ready = await safe.WaitAsync(_options.CurrentValue.InlineReplyBudget, _time, Stopping).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        if (ready is not null)
        {
            var messages = Messages(ready, inChannel, replaceOriginal: null);
            if (messages.Count > 1 && url is not null)
            {
                _ = SendAllAsync(messages.Skip(1).ToList(), url, what);
            }

            return Json(messages[0]);
        }

        if (url is null)
        {
            LogNoResponseUrl(what);
            return Json(Messages(new ErrorReply("That took too long.", "Try again in a moment."), false, null)[0]);
        }

        _ = DeferAsync(safe, url, inChannel, replaceOriginal: null, what);
        return Results.Ok();
    }

    /// <summary>Posts the reply of <paramref name="work"/> to <paramref name="responseUrl"/> when it is ready (button clicks).</summary>
    public async Task<IResult> ReplaceAsync(Task<Reply> work, string? responseUrl, string what)
    {
        var url = ResponseUri(responseUrl);
        if (url is null)
        {
            LogNoResponseUrl(what);
            return Results.Ok();
        }

        var delivery = DeferAsync(work, url, inChannel: false, replaceOriginal: true, what);
        try
        {
            await delivery.WaitAsync(_options.CurrentValue.InlineReplyBudget, _time, Stopping).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Slack needs its acknowledgement within 3 s; the replacement follows when it is ready.
        }

        return Results.Ok();
    }

    /// <summary>The messages for a reply, with <c>response_type</c> (and <c>replace_original</c> for button clicks).</summary>
    public List<JsonObject> Messages(Reply reply, bool inChannel, bool? replaceOriginal)
    {
        var visible = inChannel && !reply.Ephemeral && reply is not ErrorReply;
        var messages = _payloads.Render(reply).ToList();
        foreach (var message in messages)
        {
            message["response_type"] = visible ? "in_channel" : "ephemeral";
            if (replaceOriginal is not null)
            {
                // An error after a click goes to the clicker alone and leaves the results in place; a replacement
                // keeps the original message's visibility, so it names none.
                var replace = replaceOriginal.Value && reply is not ErrorReply;
                message["replace_original"] = replace;
                if (replace)
                {
                    message.Remove("response_type");
                }
            }
        }

        return messages;
    }

    private async Task DeferAsync(Task<Reply> work, Uri url, bool inChannel, bool? replaceOriginal, string what)
    {
        try
        {
            var messages = Messages(await Safe(work, what).ConfigureAwait(false), inChannel, replaceOriginal);
            foreach (var message in messages)
            {
                await _client.PostToUrlAsync(url, message, pace: false, Stopping).ConfigureAwait(false);
                replaceOriginal = null;
            }
        }
        catch (Exception ex) when (ex is SlackApiException or OperationCanceledException or HttpRequestException)
        {
            LogDeliveryFailed(ex, what);
        }
    }

    private async Task SendAllAsync(List<JsonObject> messages, Uri url, string what)
    {
        try
        {
            foreach (var message in messages)
            {
                await _client.PostToUrlAsync(url, message, pace: false, Stopping).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SlackApiException or OperationCanceledException or HttpRequestException)
        {
            LogDeliveryFailed(ex, what);
        }
    }

    private async Task<Reply> Safe(Task<Reply> work, string what)
    {
        try
        {
            return await work.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed command must still answer the user, never crash the host.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogCommandFailed(ex, what);
            return new ErrorReply("Something went wrong on my side.", "Try again; if it keeps failing, tell the operator.");
        }
    }

    private static Uri? ResponseUri(string? responseUrl)
        => Uri.TryCreate(responseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    private static IResult Json(JsonObject message) => Results.Content(message.ToJsonString(), "application/json; charset=utf-8");

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack {What} failed")]
    private partial void LogCommandFailed(Exception ex, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver the Slack {What} reply to its response_url")]
    private partial void LogDeliveryFailed(Exception ex, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {What} came without a usable response_url")]
    private partial void LogNoResponseUrl(string what);
}
