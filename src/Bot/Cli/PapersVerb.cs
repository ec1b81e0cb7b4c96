using System.CommandLine;

namespace Bot.Cli;

/// <summary><c>papers</c>: see DESIGN.md.</summary>
internal static class PapersVerb
{
    public static Command Create()
    {
        var command = new Command("papers", "Not implemented yet");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("error: 'papers' is not implemented yet");
            return 1;
        });
        return command;
    }
}
