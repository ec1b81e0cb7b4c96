using System.CommandLine;
using Bot.Hosting;

namespace Bot.Cli;

/// <summary><c>serve</c>: the host, also the default verb.</summary>
internal static class ServeVerb
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the host: HTTP endpoints, scheduled posts and folder watching (the default)");
        command.SetAction(RunAsync);
        return command;
    }

    public static async Task<int> RunAsync(ParseResult result, CancellationToken ct)
    {
        var app = BotWebHost.Build(result.UnmatchedTokens.ToArray(), result.GetValue(CommonOptions.Data));
        await app.RunAsync(ct);
        return 0;
    }
}
