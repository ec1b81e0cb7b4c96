using Bot.Cli;

namespace Bot.Tests;

/// <summary>Runs a CLI verb in-process and captures what a user would see on stdout and stderr.</summary>
/// <remarks>Console is process-wide: callers belong to <see cref="ConsoleCollection"/>.</remarks>
internal static class CliRunner
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var originalOut = Console.Out;
        var originalError = Console.Error;
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await BotCli.RunAsync(args);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
