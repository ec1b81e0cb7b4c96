using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Slack.SocketMode;

/// <summary>
/// Runs Slack Socket Mode when the mode is Socket: keeps one live connection, and when Slack sends <c>disconnect</c> or the
/// socket drops, opens the next connection before closing the old one (Slack allows up to 10), so no envelope is lost.
/// </summary>
internal sealed partial class SlackSocketModeService : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(30);

    private readonly IOptionsMonitor<SlackOptions> _options;
    private readonly SocketModeOpener _opener;
    private readonly SocketModeEnvelopeHandler _handler;
    private readonly SlackSocketModeStatus _status;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackSocketModeService> _logger;
    private readonly Random _random = new();

    public SlackSocketModeService(IOptionsMonitor<SlackOptions> options, SocketModeOpener opener, SocketModeEnvelopeHandler handler, SlackSocketModeStatus status, TimeProvider time, ILogger<SlackSocketModeService> logger)
    {
        _options = options;
        _opener = opener;
        _handler = handler;
        _status = status;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (SlackModes.Resolve(_options.CurrentValue) != SlackMode.Socket)
        {
            return;
        }

        _status.Enabled = true;
        SocketModeConnection? current = null;
        var closing = new List<Task>();
        try
        {
            current = await OpenAsync(stoppingToken).ConfigureAwait(false);
            while (current is not null)
            {
                var reason = await current.Ended.WaitAsync(stoppingToken).ConfigureAwait(false);
                LogReplacing(reason);
                var next = await OpenAsync(stoppingToken).ConfigureAwait(false);
                closing.Add(current.DisposeAsync().AsTask());
                closing.RemoveAll(t => t.IsCompleted);
                current = next;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (current is not null)
            {
                closing.Add(current.DisposeAsync().AsTask());
            }

            await Task.WhenAll(closing).ConfigureAwait(false);
        }
    }

    /// <summary>A connection that got <c>hello</c>, retrying with capped jittered backoff; null when the token is refused.</summary>
    private async Task<SocketModeConnection?> OpenAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var url = await _opener.OpenAsync(ct).ConfigureAwait(false);
                var connection = await SocketModeConnection.ConnectAsync(url, _handler, _status, _logger, ct).ConfigureAwait(false);
                LogConnected();
                return connection;
            }
            catch (SocketModeFatalException ex)
            {
                LogFatal(ex.Message);
                _status.StoppedReason = ex.Message;
                return null;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or WebSocketException or JsonException or OperationCanceledException or IOException)
            {
                var ceiling = Math.Min(MaxRetry.TotalMilliseconds, FirstRetry.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16)));
                var wait = TimeSpan.FromMilliseconds(ceiling * (0.5 + (_random.NextDouble() * 0.5)));
                LogOpenFailed(ex.Message, wait);
                await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode: connected")]
    private partial void LogConnected();

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode: replacing a connection ({Reason})")]
    private partial void LogReplacing(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode: could not open a connection ({Reason}); retrying in {Wait}")]
    private partial void LogOpenFailed(string reason, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Slack Socket Mode: stopped, not retrying: {Reason}")]
    private partial void LogFatal(string reason);
}
