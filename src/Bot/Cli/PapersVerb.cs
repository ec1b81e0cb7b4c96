using System.CommandLine;
using Bot.Library.Search;

namespace Bot.Cli;

/// <summary><c>papers &lt;query&gt; [--limit N] [--json]</c>: paper entries only (Papers sections, or a paper as primary reference).</summary>
internal static class PapersVerb
{
    public static Command Create()
    {
        var query = SearchVerb.QueryArgument();
        var limit = SearchVerb.LimitOption();
        var json = CommonOptions.Json();
        var command = new Command("papers", "Search paper entries only") { query, limit, json };
        command.SetAction((result, ct) => SearchVerb.RunAsync(result, new SearchRequest(SearchVerb.Join(result.GetValue(query)), null, true, result.GetValue(limit)), result.GetValue(json), "papers", ct));
        return command;
    }
}
