using System.CommandLine;

namespace Bot.Cli;

/// <summary>The command tree: one verb per file, as listed in DESIGN.md.</summary>
internal static class BotCli
{
    /// <summary>Parses <paramref name="args"/> and runs the verb. Exit codes: 0 ok, 1 failure, 2 usage.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var root = Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Run with --help to see the usage.");
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

    /// <summary>Builds the root command with every verb.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("Bot: posts newsletter digests to Discord and Slack, and answers /papers, /search, /refs, /digest and /highlights.");
        root.Options.Add(CommonOptions.Data);
        root.Subcommands.Add(ServeVerb.Create());
        root.Subcommands.Add(ParseVerb.Create());
        root.Subcommands.Add(IngestVerb.Create());
        root.Subcommands.Add(SearchVerb.Create());
        root.Subcommands.Add(PapersVerb.Create());
        root.Subcommands.Add(RefsVerb.Create());
        root.Subcommands.Add(PreviewVerb.Create());
        root.Subcommands.Add(PostVerb.Create());
        root.Subcommands.Add(CommandsVerb.Create());

        // No verb means `serve`. Host settings as `--key=value` (what WebApplicationFactory passes: --environment=…,
        // --contentRoot=…) go to the host; any other stray word is still a usage error.
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(async (result, ct) =>
        {
            var stray = result.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith("--", StringComparison.Ordinal) || !t.Contains('=', StringComparison.Ordinal));
            if (stray is not null)
            {
                await Console.Error.WriteLineAsync($"error: Unrecognized command or argument '{stray}'.");
                return 2;
            }

            return await ServeVerb.RunAsync(result, ct);
        });
        return root;
    }
}
