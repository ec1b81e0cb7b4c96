using Bot.Discord.Gateway;
using Bot.Discord.Interactions;
using Bot.Scheduling;
using Bot.Slack.Http;
using Bot.Slack.SocketMode;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Hosting;

/// <summary>Builds the web host that <c>serve</c> runs: endpoints, scheduler, folder watching.</summary>
public static class BotWebHost
{
    /// <summary>Creates the configured <see cref="WebApplication"/>.</summary>
    public static WebApplication Build(string[] args, string? dataDirectory, string? configFile = null)
    {
        var files = BotConfiguration.Locate(configFile);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = Path.GetDirectoryName(files.Main) ?? Directory.GetCurrentDirectory(),
        });
        BotConfiguration.Apply(builder.Configuration, files, builder.Environment.EnvironmentName, dataDirectory);
        var urls = builder.Configuration["Bot:Urls"];
        if (!string.IsNullOrWhiteSpace(urls) && string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(urls);
        }

        // The host's "Hosting failed to start" repeats, with a stack trace, the error that serve prints as one line anyway
        // (a port in use, a bad setting). A crashing background service still logs at Critical.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Services.AddBotMetrics(); // first, so the meter is heard before any hosted service posts
        builder.Services.AddBotServices(builder.Configuration);
        builder.Services.AddHostedService<SectionKeyStartupCheck>(); // after the library's watcher, whose start-up ingest it waits for
        builder.Services.AddHostedService<TargetStartupCheck>();
        builder.Services.AddBotSchedulingServer();
        builder.Services.AddBotDiscordGateway();
        builder.Services.AddBotSlackSocketMode();
        builder.Services.AddBotProxyTrust(builder.Configuration);
        builder.Services.AddAntiforgery(); // Hangfire's dashboard then checks a token on every command
        builder.Services.AddHealthChecks().AddCheck<DatabaseWritableHealthCheck>("database-writable").AddCheck<HangfireStorageHealthCheck>("hangfire-storage");
        // Decided when the health options are built, since test hosts' settings arrive after registration.
        builder.Services.AddOptions<HealthCheckServiceOptions>().Configure<IConfiguration>((health, configuration) =>
        {
            if (string.Equals(configuration["Bot:Scheduling:Storage"], "PostgreSql", StringComparison.OrdinalIgnoreCase))
            {
                health.Registrations.Add(new HealthCheckRegistration("postgres", sp => ActivatorUtilities.CreateInstance<PostgresReachableHealthCheck>(sp), null, null));
            }
        });
        var app = builder.Build();
        // Hangfire keeps one process-wide log provider that points at this host's LoggerFactory; once the host stops, that
        // factory is disposed, so anything in the process that touches Hangfire afterwards (another host, a CLI verb) would throw.
        app.Lifetime.ApplicationStopped.Register(() => Hangfire.Logging.LogProvider.SetCurrentLogProvider(null));
        ConfigFilesLog.Write(app.Logger, files);
        app.UseBotProxyTrust();
        app.MapBotHealth();
        app.MapBotDashboard();
        app.MapBotMetrics();
        app.MapDiscordInteractions();
        app.MapSlackEndpoints();
        // Endpoints: app.MapDiscordInteractions(); app.MapSlackEndpoints(); dashboard at /hangfire.
        return app;
    }
}
