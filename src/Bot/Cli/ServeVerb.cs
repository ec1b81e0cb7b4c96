using System.CommandLine;
using Bot.Hosting;

namespace Bot.Cli;

/// <summary><c>serve</c>: the host, also the default verb.</summary>
internal static class ServeVerb
{
    /// <summary>The verb; <paramref name="hostSettings"/> are the <c>--key=value</c> host settings taken from the command line.</summary>
    public static Command Create(IReadOnlyList<string> hostSettings)
    {
        var command = new Command("serve", "Run the host: HTTP endpoints, scheduled posts and folder watching (the default). Host settings such as --urls=http://127.0.0.1:8080 may follow.");
        command.SetAction((result, ct) => RunAsync(result, hostSettings, ct));
        return command;
    }

    public static async Task<int> RunAsync(ParseResult result, IReadOnlyList<string> hostSettings, CancellationToken ct)
    {
        var app = BotWebHost.Build(hostSettings.ToArray(), result.GetValue(CommonOptions.Data), result.GetValue(CommonOptions.Config));
        await app.RunAsync(ct);
        return 0;
    }
}
