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
        if (PortPreflight.FirstInUse(app.Configuration) is { } busy)
        {
            await Console.Error.WriteLineAsync($"error: Bot:Urls: {busy} is in use; another program (or another bot) listens there: stop it, or set another port with Bot:Urls (e.g. Bot__Urls=http://127.0.0.1:5081)");
            return 1;
        }

        try
        {
            await app.RunAsync(ct);
        }
        catch (IOException ex) when (ex.InnerException?.GetType().Name == "AddressInUseException" || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            // Kestrel's message names the address, not the setting that chose it.
            await Console.Error.WriteLineAsync($"error: Bot:Urls: {ex.Message.TrimEnd('.')}; another program (or another bot) listens there: stop it, or set another port with Bot:Urls (e.g. Bot__Urls=http://127.0.0.1:5081)");
            return 1;
        }

        return 0;
    }
}
