namespace Bot.Slack.Http;

/// <summary>A slash command's text, parsed: the free query and the <c>key:value</c> options it recognised.</summary>
/// <param name="Command">The command name without the slash, e.g. <c>search</c>.</param>
/// <param name="Query">The remaining words (the query, or the positional arguments joined).</param>
/// <param name="Positionals">The remaining words one by one.</param>
/// <param name="Options">Recognised <c>key:value</c> options, keys in lower case.</param>
/// <param name="InChannel">True when the user asked for a reply everyone sees (<c>public</c> or <c>in_channel</c>).</param>
public sealed record SlashCommandRequest(
    string Command,
    string Query,
    IReadOnlyList<string> Positionals,
    IReadOnlyDictionary<string, string> Options,
    bool InChannel)
{
    /// <summary>An option's value, or null.</summary>
    public string? Option(string key) => Options.TryGetValue(key, out var value) ? value : null;
}
