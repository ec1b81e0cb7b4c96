using System.CommandLine;
using Bot.Discord.Commands;

namespace Bot.Cli;

/// <summary><c>commands register [--guild ID]</c>: bulk-overwrites the Discord slash commands (globally, or in one guild at once).</summary>
internal static class CommandsVerb
{
    public static Command Create()
    {
        var guild = new Option<string?>("--guild") { Description = "Register in this guild only (appears at once; global commands can take up to an hour)" };
        var register = new Command("register", "Register (replace) the Discord slash commands: /papers /search /refs /digest /highlights /subscribe /unsubscribe /subscriptions");
        register.Options.Add(guild);
        register.SetAction((result, ct) => RegisterAsync(result, result.GetValue(guild), ct));
        var command = new Command("commands", "Manage the Discord slash commands");
        command.Subcommands.Add(register);
        return command;
    }

    private static async Task<int> RegisterAsync(ParseResult result, string? guildId, CancellationToken ct)
    {
        using var host = BotServices.Create(result);
        var registrar = host.Services.GetRequiredService<DiscordCommandRegistrar>();
        var registered = await registrar.RegisterAsync(string.IsNullOrWhiteSpace(guildId) ? null : guildId.Trim(), ct);
        var where = string.IsNullOrWhiteSpace(guildId) ? "globally" : $"in guild {guildId.Trim()}";
        Console.WriteLine($"Registered {registered.Count} commands {where}: {string.Join(' ', registered.Select(c => "/" + c.Name))}");
        return 0;
    }
}
