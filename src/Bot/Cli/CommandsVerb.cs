using System.CommandLine;

namespace Bot.Cli;

/// <summary><c>commands</c>: see DESIGN.md.</summary>
internal static class CommandsVerb
{
    public static Command Create()
    {
        var command = new Command("commands", "Not implemented yet");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("error: 'commands' is not implemented yet");
            return 1;
        });
        return command;
    }
}
