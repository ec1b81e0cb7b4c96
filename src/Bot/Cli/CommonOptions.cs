using System.CommandLine;

namespace Bot.Cli;

/// <summary>Options every verb takes.</summary>
internal static class CommonOptions
{
    /// <summary><c>--data DIR</c>: the data directory (default from <c>Bot:DataDirectory</c>, else <c>./data</c>).</summary>
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Data directory holding bot.db (default: Bot:DataDirectory, else ./data)",
        Recursive = true,
    };

    /// <summary><c>--config FILE</c>: the settings file (default: ./appsettings.json, else the one next to the program).</summary>
    public static readonly Option<string?> Config = new("--config")
    {
        Description = "Settings file (default: ./appsettings.json, else appsettings.json next to the program)",
        Recursive = true,
    };

    /// <summary><c>--json</c>: machine-readable output in the shapes of DESIGN.md.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print JSON (stable, camelCase) instead of a readable summary" };
}
