using Microsoft.Extensions.Hosting;

using Bot.Hosting;

namespace Bot.Cli;

/// <summary>The configuration and services a CLI verb runs with: the same registrations as <c>serve</c>, without the web server.</summary>
internal static class BotServices
{
    /// <summary>Builds a host for a verb: appsettings.json (current directory), then environment, then <c>--data</c>.</summary>
    public static IHost Create(System.CommandLine.ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            DisableDefaults = false,
        });
        BotConfiguration.Apply(builder.Configuration, result.GetValue(CommonOptions.Data));
        builder.Logging.ClearProviders();
        builder.Services.AddBotServices(builder.Configuration);
        return builder.Build();
    }
}
