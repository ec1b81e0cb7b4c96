using System.CommandLine;
using Bot.Library;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli;

/// <summary><c>refs &lt;query&gt; [--json]</c>: the references of the best-matching entry, and where else each was cited.</summary>
internal static class RefsVerb
{
    public static Command Create()
    {
        var query = SearchVerb.QueryArgument();
        var json = CommonOptions.Json();
        var command = new Command("refs", "The references of the best-matching entry, and the other digests citing each") { query, json };
        command.SetAction(async (result, ct) =>
        {
            var text = SearchVerb.Join(result.GetValue(query));
            using var host = BotServices.Create(result);
            var refs = await host.Services.GetRequiredService<DigestLibrary>().RefsAsync(text, ct);
            if (result.GetValue(json))
            {
                await Console.Out.WriteLineAsync(LibraryOutput.RefsJson(text, refs));
            }
            else
            {
                LibraryOutput.WriteRefsText(Console.Out, text, refs);
            }

            return 0;
        });
        return command;
    }
}
