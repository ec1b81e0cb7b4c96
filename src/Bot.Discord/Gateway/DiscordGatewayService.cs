using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Gateway;

/// <summary>
/// Runs the Discord Gateway in Gateway mode: asks <c>GET /gateway/bot</c> for the URL, the recommended shard count and the
/// session start limit, then runs this host's shards (<c>Bot:Discord:Shards</c>). Does nothing in Http mode.
/// </summary>
internal sealed partial class DiscordGatewayService : BackgroundService
{
    private readonly IOptions<DiscordOptions> _options;
    private readonly DiscordGatewayRest _rest;
    private readonly GatewayInteractionDispatcher _dispatcher;
    private readonly DiscordGatewayStatus _status;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordGatewayService> _logger;

    public DiscordGatewayService(IOptions<DiscordOptions> options, DiscordGatewayRest rest, GatewayInteractionDispatcher dispatcher, DiscordGatewayStatus status, TimeProvider time, ILogger<DiscordGatewayService> logger)
    {
        _options = options;
        _rest = rest;
        _dispatcher = dispatcher;
        _status = status;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var options = _options.Value;
        if (DiscordModes.Resolve(options) != DiscordMode.Gateway)
        {
            return;
        }

        GatewayShards.TryParse(options.Shards, out var shards, out _);
        var random = new Random();
        GatewayBotInfo info;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                info = await _rest.GetGatewayBotAsync(stoppingToken).ConfigureAwait(false);
                break;
            }
            catch (DiscordGatewayFatalException ex)
            {
                LogFatal(ex.Message);
                _status.StopAll(ex.Message);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is HttpRequestException or JsonException or OperationCanceledException or KeyNotFoundException or InvalidOperationException)
            {
                var wait = GatewayBackoff.Delay(attempt, random);
                LogGatewayBotFailed(ex.Message, wait);
                try
                {
                    await Task.Delay(wait, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        var count = shards.Count ?? Math.Max(1, info.Shards);
        IReadOnlyList<int> ids = shards.Ids ?? [.. Enumerable.Range(0, count)];
        _status.Start(ids);
        var gate = new IdentifyGate(_time, _logger);
        gate.Update(info.SessionStartLimit);
        LogStarting(ids.Count, count, info.SessionStartLimit.Remaining, info.SessionStartLimit.Total);
        var context = new GatewayShardContext(options, gate, _dispatcher, _status, _time, _logger);
        await Task.WhenAll(ids.Select(id => new GatewayShard(id, count, context, new Random(random.Next())).RunAsync(info.Url, stoppingToken))).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await _dispatcher.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: running {Shards} of {Count} shards; {Remaining} of {Total} identifies left today")]
    private partial void LogStarting(int shards, int count, int remaining, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: GET /gateway/bot failed ({Reason}); retrying in {Wait}")]
    private partial void LogGatewayBotFailed(string reason, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway: stopped, not retrying: {Reason}")]
    private partial void LogFatal(string reason);
}
