using System.CommandLine;

namespace Bot.Cli;

/// <summary><c>refs</c>: see DESIGN.md.</summary>
internal static class RefsVerb
{
    public static Command Create()
    {
        var command = new Command("refs", "Not implemented yet");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("error: 'refs' is not implemented yet");
            return 1;
        });
        return command;
    }
}
