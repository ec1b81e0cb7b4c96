namespace Bot.Hosting;

/// <summary>Says at start which settings files the host runs with, so a host started from another folder is not silently unconfigured.</summary>
internal static partial class ConfigFilesLog
{
    public static void Write(ILogger logger, ConfigFiles files)
    {
        if (files.Main is null)
        {
            NoFile(logger, files.Searched.Count == 0 ? "(nowhere)" : string.Join(", ", files.Searched));
        }
        else
        {
            Loaded(logger, string.Join(", ", files.Loaded));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Settings loaded from {Files}, then environment variables and the command line")]
    private static partial void Loaded(ILogger logger, string files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No appsettings.json found (looked in {Searched}); running on defaults, environment variables and the command line. Pass --config FILE to name one")]
    private static partial void NoFile(ILogger logger, string searched);
}
