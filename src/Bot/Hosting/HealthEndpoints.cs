using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Hosting;

/// <summary>
/// <c>/healthz</c> and <c>/healthz/ready</c> run every registered health check (database, gateway, socket mode, …);
/// <c>/healthz/live</c> runs none, so a supervisor restarts only a host that no longer answers at all.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Maps the three health endpoints; an unhealthy check answers 503 with its reason.</summary>
    public static void MapBotHealth(this IEndpointRouteBuilder app)
    {
        var all = new HealthCheckOptions { ResponseWriter = WriteAsync };
        app.MapHealthChecks("/healthz", all);
        app.MapHealthChecks("/healthz/ready", all);
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.Select(e => new Dictionary<string, string?>
            {
                ["name"] = e.Key,
                ["status"] = e.Value.Status.ToString(),
                ["description"] = e.Value.Description,
            }).ToList(),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
