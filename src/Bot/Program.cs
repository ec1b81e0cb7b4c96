using Bot.Cli;

// The CLI is the entry point; `serve` (the default verb) builds the web host.
// WebApplicationFactory<Program> runs this with no arguments, which means `serve`.
return await BotCli.RunAsync(args);

/// <summary>Entry point type, public so that WebApplicationFactory can find it.</summary>
public partial class Program;
