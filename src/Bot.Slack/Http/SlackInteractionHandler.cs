using System.Text.Json;
using Bot.Core.Commands;
using Bot.Core.Replies;
using Bot.Slack.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Bot.Slack.Http;

/// <summary>Handles a verified <c>/slack/interactions</c> form: paging buttons (<c>block_actions</c>) replace the original message.</summary>
internal sealed class SlackInteractionHandler
{
    private readonly CommandService? _commands;
    private readonly SlackReplySender _sender;

    public SlackInteractionHandler(SlackReplySender sender, CommandService? commands = null)
    {
        _commands = commands;
        _sender = sender;
    }

    public Task<IResult> HandleAsync(IReadOnlyDictionary<string, StringValues> form)
    {
        BlockActionsPayload? payload;
        try
        {
            payload = form.TryGetValue("payload", out var json) ? JsonSerializer.Deserialize(json.ToString(), SlackJsonContext.Default.BlockActionsPayload) : null;
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload is null)
        {
            return Task.FromResult(Results.BadRequest());
        }

        if (payload.Type != "block_actions")
        {
            // Nothing else is wired up (no modals, no shortcuts); acknowledging keeps Slack from showing an error.
            return Task.FromResult(Results.Ok());
        }

        var action = payload.Actions?.FirstOrDefault(a => TryParseToken(a.Value, out _, out _) || TryParseToken(a.ActionId, out _, out _));
        if (action is null)
        {
            return Task.FromResult(Results.Ok());
        }

        if (!TryParseToken(action.Value, out var state, out var page))
        {
            TryParseToken(action.ActionId, out state, out page);
        }

        var commands = _commands;
        var work = commands is null
            ? Task.FromResult<Reply>(new ErrorReply("Commands are not available on this host."))
            : Task.Run(() => commands.PageAsync(state, page, _sender.Stopping));
        return _sender.ReplaceAsync(work, payload.ResponseUrl, "paging");
    }

    private static bool TryParseToken(string? token, out string state, out int page)
        => PagingState.TryParseToken(token, out state, out page) && page >= 1;
}
