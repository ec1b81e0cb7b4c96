using Bot.Core.Commands;
using Bot.Core.Posting;
using Bot.Library;
using Bot.Library.Cluster;
using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Posting;
using Hangfire;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Scheduling;

/// <summary>Registers subscriptions, the post ledger, Hangfire and the section posters' registry.</summary>
public static partial class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Scheduling services shared by <c>serve</c> and the CLI (<c>post</c>): options validated at start, the state store,
    /// Hangfire storage and clients, <see cref="SubscriptionCommands"/> and the console poster. No Hangfire server.
    /// </summary>
    public static IServiceCollection AddBotScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotScheduleOptions>().Bind(configuration.GetSection("Bot")).ValidateOnStart();
        // The posting rules' view of the same keys; validated above, through BotScheduleOptions.
        services.AddOptions<PostingOptions>().Bind(configuration.GetSection("Bot"));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotScheduleOptions>, BotScheduleOptionsValidator>());
        services.AddSingleton<IValidateOptions<BotScheduleOptions>>(sp => new BotSettingsBindingValidator(configuration.GetSection("Bot"), sp.GetService<ILogger<BotSettingsBindingValidator>>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new BotDatabase(configuration["Bot:DataDirectory"] is { Length: > 0 } dir ? dir : "data"));
        services.TryAddSingleton(sp => new KnownSections(sp.GetService<DigestLibrary>()));
        services.TryAddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<BotScheduleOptions>>().Value.Scheduling.ConnectionString));
        // One library for the cluster on PostgreSQL: DigestLibrary publishes to it and reads through a local copy kept level
        // with it. Decided when resolved (test hosts' settings arrive after registration), from the configuration itself:
        // the options' validators need the library, so reading the options here would resolve it inside itself.
        services.TryAddSingleton<ISharedDigestStore>(sp => string.Equals(sp.GetRequiredService<IConfiguration>()["Bot:Scheduling:Storage"], "PostgreSql", StringComparison.OrdinalIgnoreCase)
            ? new PostgresDigestStore(sp.GetRequiredService<NpgsqlDataSource>, sp.GetRequiredService<TimeProvider>(), $"{Environment.MachineName}/{Environment.ProcessId}")
            : null!);
        services.TryAddSingleton<IStateStore>(sp => StateStoreFactory.Create(
            sp.GetRequiredService<IOptions<BotScheduleOptions>>().Value.Scheduling,
            sp.GetRequiredService<BotDatabase>(),
            sp.GetRequiredService<NpgsqlDataSource>,
            sp.GetRequiredService<TimeProvider>(),
            // Several PostgreSQL hosts must share one key ring to read each other's rows: encrypt there only with a shared KeyPath.
            StateStoreFactory.IsPostgres(sp.GetRequiredService<IOptions<BotScheduleOptions>>().Value.Scheduling) && Bot.Hosting.SecretsAtRest.KeyPath(configuration) is null
                ? null
                : sp.GetService<TargetProtector>()));
        services.TryAddSingleton(sp => new SubscriptionDefaults(TimeZone: sp.GetRequiredService<IOptions<BotScheduleOptions>>().Value.TimeZone)
        {
            MaxPerChannel = configuration.GetValue("Bot:Commands:MaxSubscriptionsPerChannel", 10),
            MaxPerGuild = configuration.GetValue("Bot:Commands:MaxSubscriptionsPerGuild", 50),
            MinCronInterval = configuration.GetValue("Bot:Commands:MinCronInterval", TimeSpan.FromHours(1)),
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISectionPoster, ConsoleSectionPoster>());
        services.TryAddSingleton<ISectionJobQueue, HangfireSectionJobQueue>();
        services.TryAddSingleton<ISubscriptionScheduler, HangfireSubscriptionScheduler>();
        services.TryAddSingleton<SubscriptionCommands>();
        services.TryAddSingleton<TargetGrammar>(); // over the adapters' ITargetSchemes (AddBotCore registers it too)
        services.AddBotPosting();
        // Storage and activator belong to this host's container, not to Hangfire's process-wide defaults (JobStorage.Current,
        // JobActivator.Current), which the last host configured in a process would otherwise win.
        services.TryAddSingleton(sp => StateStoreFactory.CreateHangfireStorage(
            sp.GetRequiredService<IOptions<BotScheduleOptions>>().Value.Scheduling, sp.GetRequiredService<BotDatabase>()));
        services.TryAddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        return services;
    }

    /// <summary>The parts only <c>serve</c> runs: the Hangfire server and the start-up reconcile and catch-up.</summary>
    public static IServiceCollection AddBotSchedulingServer(this IServiceCollection services)
    {
        services.AddHangfireServer((sp, server) =>
        {
            var scheduling = sp.GetRequiredService<IOptions<BotScheduleOptions>>().Value.Scheduling;
            server.SchedulePollingInterval = scheduling.PollInterval;
            server.WorkerCount = scheduling.Workers;
        });
        services.AddHostedService<SchedulerStartup>();
        services.AddHostedService<PublishedTrigger>();
        return services;
    }

    /// <summary>Maps the Hangfire dashboard at <c>/hangfire</c>: local requests only unless <c>Bot:Dashboard</c> credentials are set.</summary>
    public static WebApplication MapBotDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var dashboard = app.Services.GetRequiredService<IOptions<BotScheduleOptions>>().Value.Dashboard;
        var access = DashboardAccess(app);
        if (access.RequiresCredentials && string.IsNullOrEmpty(dashboard.Password) && string.IsNullOrEmpty(dashboard.ViewerPassword))
        {
            LogDashboardClosed(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardOptions).FullName!));
        }

        app.UseHangfireDashboard("/hangfire", new Hangfire.DashboardOptions
        {
            Authorization = [access],
            IsReadOnlyFunc = DashboardAuthorizationFilter.IsReadOnly,
            DisplayStorageConnectionString = false,
            DashboardTitle = "Bot scheduler",
        });
        return app;
    }

    /// <summary>
    /// The one access rule for the dashboard and everything guarded like it (<c>/metrics</c>): created once per host, so both
    /// count failed logins together.
    /// </summary>
    internal static DashboardAuthorizationFilter DashboardAccess(WebApplication app)
    {
        var features = ((IApplicationBuilder)app).Properties;
        if (features.TryGetValue(nameof(DashboardAccess), out var existing) && existing is DashboardAuthorizationFilter filter)
        {
            return filter;
        }

        var dashboard = app.Services.GetRequiredService<IOptions<BotScheduleOptions>>().Value.Dashboard;
        var requireCredentials = dashboard.HasProxies || Bot.Hosting.ProxyTrust.ListensBeyondLoopback(app.Configuration);
        var throttle = new BasicAuthThrottle(dashboard.MaxFailedLogins, dashboard.LockoutDuration, app.Services.GetRequiredService<TimeProvider>());
        filter = new DashboardAuthorizationFilter(dashboard, requireCredentials, throttle);
        features[nameof(DashboardAccess)] = filter;
        return filter;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboard at /hangfire is closed: the host listens beyond loopback or behind a proxy, and Bot:Dashboard:Username/Password are not set")]
    private static partial void LogDashboardClosed(ILogger logger);
}
