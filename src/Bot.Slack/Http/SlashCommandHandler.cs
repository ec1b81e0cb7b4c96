using System.Globalization;
using Bot.Core.Commands;
using Bot.Core.Diagnostics;
using Bot.Core.Replies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Bot.Slack.Http;

/// <summary>Routes a verified <c>/slack/commands</c> form to the neutral commands and answers within Slack's 3 seconds.</summary>
internal sealed class SlashCommandHandler
{
    private readonly CommandService? _commands;
    private readonly SubscriptionCommands? _subscriptions;
    private readonly SlackReplySender _sender;
    private readonly SlackAdminCheck _admins;

    // Both command services are optional: a host without them answers with a one-line error instead of failing to start.
    public SlashCommandHandler(SlackReplySender sender, SlackAdminCheck admins, CommandService? commands = null, SubscriptionCommands? subscriptions = null)
    {
        _commands = commands;
        _subscriptions = subscriptions;
        _sender = sender;
        _admins = admins;
    }

    public Task<IResult> HandleAsync(IReadOnlyDictionary<string, StringValues> form)
    {
        var command = Field(form, "command").TrimStart('/').ToLowerInvariant();
        var text = Unescape(Field(form, "text"));
        var responseUrl = Field(form, "response_url");
        if (!SlashCommandText.TryParse(command, text, out var request, out var error))
        {
            return _sender.RespondAsync(Task.FromResult<Reply>(new ErrorReply(error!)), responseUrl, inChannel: false, $"/{command}");
        }

        // The work must not stop when Slack's request ends: a slow answer still goes to response_url.
        var work = Task.Run(() => BotMetrics.TimeInteractionAsync("slack", request!.Command, () => ExecuteAsync(request!, Field(form, "team_id"), Field(form, "channel_id"), Field(form, "user_id"), _sender.Stopping)));
        return _sender.RespondAsync(work, responseUrl, request!.InChannel, $"/{command}");
    }

    private async Task<Reply> ExecuteAsync(SlashCommandRequest request, string teamId, string channelId, string userId, CancellationToken ct)
    {
        if (request.Command is "subscribe" or "unsubscribe" or "subscriptions")
        {
            return await SubscriptionAsync(request, teamId, channelId, userId, ct).ConfigureAwait(false);
        }

        var commands = _commands;
        if (commands is null)
        {
            return new ErrorReply("Commands are not available on this host.", "Ask the operator to check the logs.");
        }

        return request.Command switch
        {
            "papers" => await commands.PapersAsync(request.Query, Int(request.Option("limit")), Int(request.Option("page")) ?? 1, ct).ConfigureAwait(false),
            "search" or "digest-search" => await commands.SearchAsync(request.Query, request.Option("section"), Int(request.Option("page")) ?? 1, ct).ConfigureAwait(false),
            "refs" => await commands.RefsAsync(request.Query, ct).ConfigureAwait(false),
            "digest" => await commands.DigestAsync(Latest(request.Option("date") ?? request.Positionals.FirstOrDefault()), ct).ConfigureAwait(false),
            "highlights" => await HighlightsAsync(commands, request, ct).ConfigureAwait(false),
            _ => new ErrorReply($"I don't know /{request.Command}."),
        };
    }

    private static Task<Reply> HighlightsAsync(CommandService commands, SlashCommandRequest request, CancellationToken ct)
    {
        var words = request.Positionals.ToList();
        var section = request.Option("section") ?? words[0];
        if (request.Option("section") is null)
        {
            words.RemoveAt(0);
        }

        var digest = request.Option("digest") ?? words.FirstOrDefault();
        return commands.HighlightsAsync(section, Latest(digest), ct);
    }

    private async Task<Reply> SubscriptionAsync(SlashCommandRequest request, string teamId, string channelId, string userId, CancellationToken ct)
    {
        if (!await _admins.IsAdminAsync(userId, ct).ConfigureAwait(false))
        {
            return new ErrorReply($"Only workspace admins and the bot's configured admins can use /{request.Command}.", "Ask an admin, or add your user id to Bot:Slack:AdminUserIds.");
        }

        var subscriptions = _subscriptions;
        if (subscriptions is null)
        {
            return new ErrorReply("Subscriptions are not available on this host.", "Ask the operator to check the logs.");
        }

        return request.Command switch
        {
            "subscribe" => await subscriptions.SubscribeAsync(
                "slack",
                teamId,
                channelId,
                new SubscribeArguments(request.Option("name"), request.Option("sections"), request.Option("cron"), request.Option("tz"), Int(request.Option("entries"))),
                ct).ConfigureAwait(false),
            "unsubscribe" => await subscriptions.UnsubscribeAsync("slack", teamId, channelId, request.Option("name") ?? request.Positionals[0], ct).ConfigureAwait(false),
            _ => await subscriptions.ListAsync("slack", channelId, ct).ConfigureAwait(false),
        };
    }

    private static string? Latest(string? value) => value is null || value.Equals("latest", StringComparison.OrdinalIgnoreCase) ? null : value;

    private static int? Int(string? value) => value is null ? null : int.Parse(value, CultureInfo.InvariantCulture);

    private static string Field(IReadOnlyDictionary<string, StringValues> form, string name) => form.TryGetValue(name, out var value) ? value.ToString() : string.Empty;

    // Slack escapes &, < and > in the text it sends.
    private static string Unescape(string text) => text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
}
