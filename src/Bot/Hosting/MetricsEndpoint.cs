using Bot.Core.Diagnostics;
using Bot.Scheduling;
using OpenTelemetry.Metrics;

namespace Bot.Hosting;

/// <summary>
/// The <c>Bot</c> meter (posts, rate limits, interactions, ingest, search) exported for Prometheus at <c>/metrics</c>, behind
/// the dashboard's own access rule: the same credentials, proxy rules and lockout, never a copy of them.
/// </summary>
public static class MetricsEndpoint
{
    /// <summary>The scrape path.</summary>
    public const string Path = "/metrics";

    /// <summary>Registers OpenTelemetry metrics for the <c>Bot</c> meter with the Prometheus exporter.</summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(BotMetrics.MeterName).AddPrometheusExporter());
        return services;
    }

    /// <summary>Maps <c>/metrics</c>; a request the dashboard would refuse gets 401 (with the same challenge or Retry-After).</summary>
    public static WebApplication MapBotMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var access = SchedulingServiceCollectionExtensions.DashboardAccess(app);
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (!access.Authorize(context))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await next(context);
        }), optionsName: null);
        return app;
    }
}
