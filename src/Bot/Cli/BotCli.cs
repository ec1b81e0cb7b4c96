using System.CommandLine;

namespace Bot.Cli;

/// <summary>The command tree: one verb per file, as listed in DESIGN.md.</summary>
internal static class BotCli
{
    /// <summary>Parses <paramref name="args"/> and runs the verb. Exit codes: 0 ok, 1 failure, 2 usage.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var hostSettings = new List<string>();
        var root = Build(hostSettings);
        hostSettings.AddRange(HostSettings(root, args));
        var parse = root.Parse(args.Where(a => !hostSettings.Contains(a)).ToArray());
        var errors = parse.Errors.Select(e => e.Message).ToList();
        if (errors.Count == 0 && hostSettings.Count > 0 && parse.CommandResult.Command is not RootCommand && parse.CommandResult.Command.Name != "serve")
        {
            errors.Add($"'{hostSettings[0]}' is a host setting; only 'serve' (the default verb) takes those.");
        }

        if (errors.Count == 0 && DataDirectoryProblem(parse.GetValue(CommonOptions.Data)) is { } dataProblem)
        {
            errors.Add(dataProblem);
        }

        if (errors.Count > 0)
        {
            // One line, however many problems: scripts and people read the first line of stderr.
            var text = string.Join("; ", errors.Select(e => e.ReplaceLineEndings(" ").TrimEnd('.')));
            await Console.Error.WriteLineAsync($"error: {text}. Run with --help to see the usage.");
            return 2;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            return 1;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Users get one line, never a stack trace.
            await Console.Error.WriteLineAsync($"error: {CliErrors.Describe(ex)}");
            return 1;
        }
    }

    /// <summary>Why <c>--data</c> cannot be the data directory (a file, or a folder that cannot be created), or null.</summary>
    public static string? DataDirectoryProblem(string? data)
    {
        if (string.IsNullOrWhiteSpace(data))
        {
            return null;
        }

        if (File.Exists(data))
        {
            return $"--data: '{data}' is a file; give a directory for bot.db (it is created if missing)";
        }

        try
        {
            Directory.CreateDirectory(data);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"--data: cannot create the directory '{data}' ({ex.Message.TrimEnd('.')}); give a directory you can write to";
        }
    }

    /// <summary>
    /// Host settings written as <c>--key=value</c> whose key is none of the command line's own options (what
    /// WebApplicationFactory passes: <c>--environment=…</c>, <c>--contentRoot=…</c>; or <c>--urls=…</c>). They go to
    /// the host as configuration, so the command line itself stays strict and its help has no catch-all argument.
    /// </summary>
    public static IReadOnlyList<string> HostSettings(Command root, IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(root);
        var options = new HashSet<string>(StringComparer.Ordinal);
        var commands = new Stack<Command>([root]);
        while (commands.TryPop(out var command))
        {
            foreach (var option in command.Options)
            {
                options.Add(option.Name);
                options.UnionWith(option.Aliases);
            }

            foreach (var sub in command.Subcommands)
            {
                commands.Push(sub);
            }
        }

        return args.TakeWhile(a => a != "--")
            .Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.IndexOf('=', StringComparison.Ordinal) is > 2 and var eq && !options.Contains(a[..eq]))
            .ToList();
    }

    /// <summary>Builds the root command with every verb; <paramref name="hostSettings"/> reach <c>serve</c>.</summary>
    public static RootCommand Build(IReadOnlyList<string> hostSettings)
    {
        var root = new RootCommand("Bot: posts newsletter digests to Discord and Slack, and answers /papers, /search, /refs, /digest and /highlights.");
        root.Options.Add(CommonOptions.Data);
        root.Options.Add(CommonOptions.Config);
        root.Subcommands.Add(ServeVerb.Create(hostSettings));
        root.Subcommands.Add(ParseVerb.Create());
        root.Subcommands.Add(IngestVerb.Create());
        root.Subcommands.Add(SearchVerb.Create());
        root.Subcommands.Add(PapersVerb.Create());
        root.Subcommands.Add(RefsVerb.Create());
        root.Subcommands.Add(PreviewVerb.Create());
        root.Subcommands.Add(PostVerb.Create());
        root.Subcommands.Add(SubscriptionsVerb.Create());
        root.Subcommands.Add(CommandsVerb.Create());
        root.Subcommands.Add(StatusVerb.Create());
        root.Subcommands.Add(BackupVerb.Create());

        // No verb means `serve`.
        root.SetAction((result, ct) => ServeVerb.RunAsync(result, hostSettings, ct));
        return root;
    }
}
