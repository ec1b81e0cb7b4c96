using System.CommandLine;

namespace Bot.Cli;

/// <summary><c>parse</c>: see DESIGN.md.</summary>
internal static class ParseVerb
{
    public static Command Create()
    {
        var command = new Command("parse", "Not implemented yet");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("error: 'parse' is not implemented yet");
            return 1;
        });
        return command;
    }
}
