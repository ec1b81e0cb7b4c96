using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

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
        // A verb's stdout is its output (JSON for scripts); warnings and errors go to stderr, one line each, so that "see
        // the log" points at lines the user has just seen. Informational chatter of the libraries stays out.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o =>
        {
            o.FormatterName = CliLogFormatter.FormatterName;
            o.LogToStandardErrorThreshold = LogLevel.Trace;
        }).AddConsoleFormatter<CliLogFormatter, ConsoleFormatterOptions>();

        // Rules for the console provider win over the settings file's Logging:LogLevel (written for serve).
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        builder.Logging.AddFilter<ConsoleLoggerProvider>("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        // The library's warnings (a source that failed, parser warnings) are what ingest's own report prints already.
        builder.Logging.AddFilter<ConsoleLoggerProvider>("Bot.Library", LogLevel.Error);
        builder.Services.AddBotServices(builder.Configuration);
        return builder.Build();
    }
}
