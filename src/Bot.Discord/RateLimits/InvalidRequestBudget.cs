using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.RateLimits;

/// <summary>
/// Counts 401, 403 and 429 answers over a sliding 10 minutes. Discord bans a bot (at Cloudflare) at 10,000; this stops
/// sending at the configured budget, well before, and says why.
/// </summary>
internal sealed class InvalidRequestBudget
{
    /// <summary>Discord's window for invalid requests.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Queue<DateTimeOffset> _hits = new();
    private readonly int _budget;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private bool _stopped;

    public InvalidRequestBudget(int budget, TimeProvider time, ILogger logger)
    {
        _budget = budget;
        _time = time;
        _logger = logger;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                Trim(_time.GetUtcNow());
                return _hits.Count;
            }
        }
    }

    public void Record(RateLimitObservation observation)
    {
        if (!observation.IsInvalidRequest)
        {
            return;
        }

        lock (_lock)
        {
            var now = _time.GetUtcNow();
            Trim(now);
            _hits.Enqueue(now);
        }
    }

    public void ThrowIfSpent()
    {
        DateTimeOffset resumeAt;
        int count;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            Trim(now);
            count = _hits.Count;
            if (count < _budget)
            {
                if (_stopped)
                {
                    _stopped = false;
                    _logger.LogInformation("Discord: sending again; invalid requests in the last 10 minutes are down to {Count}", count);
                }

                return;
            }

            resumeAt = _hits.ElementAt(count - _budget) + Window;
            if (!_stopped)
            {
                _stopped = true;
                _logger.LogError(
                    "Discord: stopped sending: {Count} invalid requests (401/403/429) in the last 10 minutes reached the budget of {Budget}; Discord bans a bot at 10,000. Check the bot token and the bot's channel permissions. Sending resumes at {ResumeAt:u}",
                    count,
                    _budget,
                    resumeAt);
            }
        }

        throw new DiscordRestException(
            $"Not sent: {count} invalid requests (401/403/429) to Discord in the last 10 minutes reached the budget of {_budget}; check the bot token and permissions. Sending resumes at {resumeAt:u}.",
            statusCode: null,
            discordCode: null,
            discordMessage: null,
            transient: true);
    }

    private void Trim(DateTimeOffset now)
    {
        while (_hits.Count > 0 && now - _hits.Peek() >= Window)
        {
            _hits.Dequeue();
        }
    }
}
