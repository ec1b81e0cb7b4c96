using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace Bot.Hosting;

/// <summary>
/// Where settings come from, shared by the host and the CLI verbs: the settings file (<c>--config</c>, else
/// <c>./appsettings.json</c>, else the one next to the program), its environment file, user-secrets in every
/// environment, then environment variables, the command line and <c>--data</c>. Relative paths in a settings file
/// outside the current directory mean paths beside that file, so the host does not depend on where it was started.
/// </summary>
public static class BotConfiguration
{
    /// <summary>The keys holding paths that a settings file may write relative to itself.</summary>
    private static readonly string[] PathKeys = ["Bot:DataDirectory", "Bot:Templates:Path"];

    /// <summary>Finds the settings file before the host is built, and checks that it is JSON (one line with its line number if not).</summary>
    public static ConfigFiles Locate(string? configOption)
    {
        var searched = new List<string>();
        string? found = null;
        if (!string.IsNullOrWhiteSpace(configOption))
        {
            found = Path.GetFullPath(configOption);
            if (Directory.Exists(found))
            {
                found = Path.Combine(found, "appsettings.json");
            }

            if (!File.Exists(found))
            {
                throw new ConfigFileException($"--config: '{configOption}' does not exist; give the path of an appsettings.json file.");
            }
        }
        else
        {
            foreach (var directory in CandidateDirectories())
            {
                var path = Path.GetFullPath(Path.Combine(directory, "appsettings.json"));
                if (searched.Contains(path))
                {
                    continue;
                }

                searched.Add(path);
                if (File.Exists(path))
                {
                    found = path;
                    break;
                }
            }
        }

        if (found is not null)
        {
            ConfigFileChecker.Check(found);
        }

        return new ConfigFiles(found, searched);
    }

    /// <summary>Adds the <c>--data</c> override on top of appsettings.json and the environment.</summary>
    public static void Apply(IConfigurationManager configuration, string? dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(dataDirectory))
        {
            configuration.AddInMemoryCollection([new("Bot:DataDirectory", dataDirectory)]);
        }
    }

    /// <summary>
    /// Replaces the default settings-file sources by <paramref name="files"/>, adds user-secrets whatever the environment
    /// (below environment variables, which still win), and the <c>--data</c> override on top.
    /// </summary>
    public static void Apply(IConfigurationManager configuration, ConfigFiles files, string? environmentName, string? dataDirectory, string? userSecretsPath = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(files);
        var sources = configuration.Sources;
        var at = -1;
        for (var i = sources.Count - 1; i >= 0; i--)
        {
            if (sources[i] is JsonConfigurationSource { Path: { } path } && (path.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) || path == "secrets.json"))
            {
                sources.RemoveAt(i);
                at = i;
            }
        }

        if (at < 0)
        {
            at = sources.Count;
        }

        var added = new List<IConfigurationSource>();
        if (files.Main is { } main)
        {
            added.Add(JsonSource(main));
            added.Add(new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = RelativePaths(main) });
            var environmentFile = Path.Combine(Path.GetDirectoryName(main)!, $"appsettings.{environmentName}.json");
            if (!string.IsNullOrEmpty(environmentName) && File.Exists(environmentFile))
            {
                ConfigFileChecker.Check(environmentFile);
                added.Add(JsonSource(environmentFile));
                files.Loaded.Add(environmentFile);
            }
        }

        // .NET loads user-secrets only in Development; the host runs as Production, where the README still recommends them.
        var secrets = userSecretsPath ?? UserSecretsPath();
        if (secrets is not null && File.Exists(secrets))
        {
            ConfigFileChecker.Check(secrets);
            added.Add(JsonSource(secrets));
            files.Loaded.Add(secrets + " (user-secrets)");
        }

        for (var i = 0; i < added.Count; i++)
        {
            sources.Insert(at + i, added[i]);
        }

        if (!string.IsNullOrWhiteSpace(dataDirectory))
        {
            configuration.AddInMemoryCollection([new("Bot:DataDirectory", dataDirectory)]);
        }
    }

    /// <summary>The user-secrets file of this program (its <c>UserSecretsId</c>), or null when there is none.</summary>
    public static string? UserSecretsPath()
    {
        var id = typeof(BotConfiguration).Assembly.GetCustomAttributes(typeof(UserSecretsIdAttribute), false).OfType<UserSecretsIdAttribute>().FirstOrDefault()?.UserSecretsId;
        try
        {
            return id is null ? null : PathHelper.GetSecretsPathFromSecretsId(id);
        }
        catch (InvalidOperationException)
        {
            return null; // no home directory: nothing to load
        }
    }

    private static JsonConfigurationSource JsonSource(string path)
    {
        var source = new JsonConfigurationSource { Path = Path.GetFileName(path), Optional = false, ReloadOnChange = false };
        source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetDirectoryName(path)!);
        return source;
    }

    /// <summary>The file's relative paths, made absolute beside it when it is not in the current directory.</summary>
    private static Dictionary<string, string?> RelativePaths(string file)
    {
        var directory = Path.GetDirectoryName(file)!;
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (string.Equals(Path.GetFullPath(directory).TrimEnd('/'), Path.GetFullPath(Environment.CurrentDirectory).TrimEnd('/'), StringComparison.Ordinal))
        {
            return result;
        }

        var own = new ConfigurationBuilder().Add(JsonSource(file)).Build();
        var keys = PathKeys.Concat(own.GetSection("Bot:Digests:Sources").GetChildren().Select(c => c.Path));
        foreach (var key in keys)
        {
            if (own[key] is { Length: > 0 } value && !Path.IsPathRooted(value) && !value.Contains("://", StringComparison.Ordinal))
            {
                result[key] = Path.GetFullPath(Path.Combine(directory, value));
            }
        }

        return result;
    }

    /// <summary>The current directory, then the program's own folder (a published host), then the source tree a development build came from.</summary>
    private static IEnumerable<string> CandidateDirectories()
    {
        yield return Environment.CurrentDirectory;
        // Only when this program is the entry point: test hosts load the library and must not pick up the repository's file.
        var entry = System.Reflection.Assembly.GetEntryAssembly();
        if (entry != typeof(BotConfiguration).Assembly)
        {
            yield break;
        }

        yield return AppContext.BaseDirectory;
        var sourceRoot = entry.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BotSourceRoot")?.Value;
        if (!string.IsNullOrEmpty(sourceRoot) && Directory.Exists(sourceRoot))
        {
            yield return sourceRoot;
        }
    }
}
