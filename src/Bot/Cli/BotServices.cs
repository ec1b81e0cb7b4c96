using Microsoft.Extensions.Hosting;

using Bot.Hosting;

namespace Bot.Cli;

/// <summary>The configuration and services a CLI verb runs with: the same registrations as <c>serve</c>, without the web server.</summary>
internal static class BotServices
{
    /// <summary>Builds a host for a verb: the settings files of <see cref="BotConfiguration"/>, then environment, then <c>--data</c>.</summary>
    public static IHost Create(System.CommandLine.ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var files = BotConfiguration.Locate(result.GetValue(CommonOptions.Config));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Path.GetDirectoryName(files.Main) ?? Directory.GetCurrentDirectory(),
            DisableDefaults = false,
        });
        BotConfiguration.Apply(builder.Configuration, files, builder.Environment.EnvironmentName, result.GetValue(CommonOptions.Data));
        builder.Logging.ClearProviders();
        builder.Services.AddBotServices(builder.Configuration);
        return builder.Build();
    }
}
