using System.CommandLine;

namespace Bot.Cli;

/// <summary><c>ingest</c>: see DESIGN.md.</summary>
internal static class IngestVerb
{
    public static Command Create()
    {
        var command = new Command("ingest", "Not implemented yet");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("error: 'ingest' is not implemented yet");
            return 1;
        });
        return command;
    }
}
