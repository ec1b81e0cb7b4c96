using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakeSlack;

/// <summary>Pacing and injected failures of the fake.</summary>
public sealed partial class FakeSlackServer
{
    private IResult? PacedOut(string key)
    {
        // Called under _gate.
        var now = Stopwatch.GetTimestamp();
        var interval = Options.PostInterval.TotalSeconds * (1 - Options.PacingTolerance);
        if (_lastAccepted.TryGetValue(key, out var last))
        {
            var elapsed = (now - last) / (double)Stopwatch.Frequency;
            if (elapsed < interval)
            {
                _paced429s++;
                return RateLimited(Math.Max(1, (int)Math.Ceiling(Options.PostInterval.TotalSeconds - elapsed)));
            }
        }

        _lastAccepted[key] = now;
        return null;
    }

    private async Task<IResult?> InjectFaultAsync(HttpContext context, string kind, string channel, JsonObject body)
    {
        FakeSlackFault? fault = _faults.TryDequeue(out var queued) ? queued : null;
        lock (_gate)
        {
            if (fault is null && _delayedFault is { } delayed)
            {
                _delayedFault = delayed.Passes > 0 ? (delayed.Passes - 1, delayed.Fault) : null;
                fault = delayed.Passes > 0 ? null : delayed.Fault;
            }
        }

        if (fault is null && Options.FailureRate > 0)
        {
            lock (_random)
            {
                if (_random.NextDouble() < Options.FailureRate)
                {
                    fault = (FakeSlackFault)_random.Next(3);
                }
            }
        }

        switch (fault)
        {
            case null:
                return null;
            case FakeSlackFault.ServerError:
                return Results.Text("internal server error", statusCode: 500);
            case FakeSlackFault.RateLimited:
                return RateLimited(1);
            case FakeSlackFault.InternalError:
                return NotOk("internal_error");
            case FakeSlackFault.ChannelNotFound:
                return NotOk("channel_not_found");
            case FakeSlackFault.BlocksTooLong:
                return NotOk("msg_blocks_too_long");
            case FakeSlackFault.TimeoutAfterAccepting:
                lock (_gate)
                {
                    var ts = kind == "chat.postMessage" ? NextTs() : null;
                    _messages.Add(new FakeSlackMessage(kind, channel, ts, body["thread_ts"]?.GetValue<string>(), body, Options.Time.GetUtcNow()));
                    _lastAccepted[channel] = Stopwatch.GetTimestamp();
                }

                break;
        }

        try
        {
            await Task.Delay(Options.TimeoutHang, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as it should.
        }

        return Results.StatusCode(504);
    }
}
