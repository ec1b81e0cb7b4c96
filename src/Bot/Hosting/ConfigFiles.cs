namespace Bot.Hosting;

/// <summary>The settings files a host or verb runs with: the one found (if any), where it looked, and every file loaded.</summary>
public sealed class ConfigFiles
{
    public ConfigFiles(string? main, IReadOnlyList<string> searched)
    {
        Main = main;
        Searched = searched;
        if (main is not null)
        {
            Loaded.Add(main);
        }
    }

    /// <summary>The appsettings.json in use, or null.</summary>
    public string? Main { get; }

    /// <summary>Where the file was looked for, in order.</summary>
    public IReadOnlyList<string> Searched { get; }

    /// <summary>Every file loaded, in order (appsettings.json, its environment file, user-secrets).</summary>
    public List<string> Loaded { get; } = [];
}
