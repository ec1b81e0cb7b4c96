using System.CommandLine;

namespace Bot.Cli;

/// <summary><c>search</c>: see DESIGN.md.</summary>
internal static class SearchVerb
{
    public static Command Create()
    {
        var command = new Command("search", "Not implemented yet");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("error: 'search' is not implemented yet");
            return 1;
        });
        return command;
    }
}
