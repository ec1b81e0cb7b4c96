using System.CommandLine;

namespace Bot.Cli;

/// <summary><c>post</c>: see DESIGN.md.</summary>
internal static class PostVerb
{
    public static Command Create()
    {
        var command = new Command("post", "Not implemented yet");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("error: 'post' is not implemented yet");
            return 1;
        });
        return command;
    }
}
