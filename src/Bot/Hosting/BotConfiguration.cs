using Microsoft.Extensions.Configuration;

namespace Bot.Hosting;

/// <summary>Where settings come from, shared by the host and the CLI verbs.</summary>
public static class BotConfiguration
{
    /// <summary>Adds the <c>--data</c> override on top of appsettings.json and the environment.</summary>
    public static void Apply(IConfigurationManager configuration, string? dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(dataDirectory))
        {
            configuration.AddInMemoryCollection([new("Bot:DataDirectory", dataDirectory)]);
        }
    }
}
