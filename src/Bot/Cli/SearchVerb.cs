using System.CommandLine;
using Bot.Library;
using Bot.Library.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli;

/// <summary><c>search &lt;query&gt; [--section KEY] [--limit N] [--json]</c>: ranked entries.</summary>
internal static class SearchVerb
{
    public static Command Create()
    {
        var query = QueryArgument();
        var section = new Option<string?>("--section") { Description = "Only entries of this section key (e.g. papers, news)" };
        var limit = LimitOption();
        var json = CommonOptions.Json();
        var command = new Command("search", "Search entries: titles, bullets, reference titles, URLs, arXiv ids and DOIs") { query, section, limit, json };
        command.SetAction((result, ct) => RunAsync(result, new SearchRequest(Join(result.GetValue(query)), result.GetValue(section), false, result.GetValue(limit)), result.GetValue(json), "results", ct));
        return command;
    }

    /// <summary>Runs a search or papers request and prints it.</summary>
    public static async Task<int> RunAsync(ParseResult result, SearchRequest request, bool json, string noun, CancellationToken ct)
    {
        using var host = BotServices.Create(result);
        var library = host.Services.GetRequiredService<DigestLibrary>();
        var response = await library.SearchAsync(request, ct);
        if (json)
        {
            await Console.Out.WriteLineAsync(LibraryOutput.SearchJson(response));
        }
        else
        {
            LibraryOutput.WriteSearchText(Console.Out, response, noun);
        }

        return 0;
    }

    /// <summary>The query: every remaining word, joined by spaces.</summary>
    public static Argument<string[]> QueryArgument() => new("query") { Description = "What to look for (plain words; no query syntax)", Arity = ArgumentArity.OneOrMore };

    /// <summary><c>--limit N</c>, 1 to 100, default 10.</summary>
    public static Option<int> LimitOption() => NumberOption.Create("--limit", "How many results (1-100, default 10)", 1, 100, 10);

    public static string Join(string[]? words) => string.Join(' ', words ?? []);
}
