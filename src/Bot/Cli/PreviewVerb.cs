using System.CommandLine;

namespace Bot.Cli;

/// <summary><c>preview</c>: see DESIGN.md.</summary>
internal static class PreviewVerb
{
    public static Command Create()
    {
        var command = new Command("preview", "Not implemented yet");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("error: 'preview' is not implemented yet");
            return 1;
        });
        return command;
    }
}
