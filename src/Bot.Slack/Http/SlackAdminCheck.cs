using System.Collections.Concurrent;
using Bot.Slack.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Slack.Http;

/// <summary>Tells who may manage subscriptions: <c>Bot:Slack:AdminUserIds</c>, then workspace admins and owners (users.info, cached).</summary>
internal sealed partial class SlackAdminCheck
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    private readonly SlackApiClient _client;
    private readonly IOptionsMonitor<SlackOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackAdminCheck> _logger;
    private readonly ConcurrentDictionary<string, (bool IsAdmin, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public SlackAdminCheck(SlackApiClient client, IOptionsMonitor<SlackOptions> options, TimeProvider time, ILogger<SlackAdminCheck> logger)
    {
        _client = client;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task<bool> IsAdminAsync(string userId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return false;
        }

        var options = _options.CurrentValue;
        if (options.AdminUserIds.Contains(userId, StringComparer.Ordinal))
        {
            return true;
        }

        if (string.IsNullOrEmpty(options.BotToken))
        {
            return false;
        }

        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(userId, out var cached) && cached.Until > now)
        {
            return cached.IsAdmin;
        }

        try
        {
            var user = await _client.UsersInfoAsync(userId, ct).ConfigureAwait(false);
            var isAdmin = user is { IsAdmin: true } or { IsOwner: true };
            _cache[userId] = (isAdmin, now + CacheFor);
            return isAdmin;
        }
        catch (SlackApiException ex)
        {
            LogLookupFailed(userId, ex.Error);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell whether Slack user {UserId} is a workspace admin ({Error}); the users:read scope is needed")]
    private partial void LogLookupFailed(string userId, string error);
}
