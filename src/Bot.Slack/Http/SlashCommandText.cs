using System.Globalization;
using System.Text;

namespace Bot.Slack.Http;

/// <summary>
/// Parses the text after a Slack slash command: words, <c>key:value</c> options known to the command, quoted values
/// (<c>cron:"0 9 * * MON"</c>), and the <c>public</c> / <c>in_channel</c> flag. Unknown <c>x:y</c> words stay in the query,
/// so a query such as <c>arxiv:2401.01234</c> still works.
/// </summary>
public static class SlashCommandText
{
    private static readonly Dictionary<string, (string[] Keys, string Usage)> Commands = new(StringComparer.Ordinal)
    {
        ["papers"] = (["limit", "page"], "/papers <query> [limit:N] [page:N] [public]"),
        // Slack has a built-in /search (search messages and files), so ours is /digest-search.
        ["digest-search"] = (["section", "page"], "/digest-search <query> [section:KEY] [page:N] [public]"),
        ["refs"] = ([], "/refs <entry title or words> [public]"),
        ["digest"] = (["date"], "/digest [yyyy-MM-dd] [public]"),
        ["highlights"] = (["section", "digest"], "/highlights <section> [digest:ID-or-date] [public]"),
        ["subscribe"] = (["name", "sections", "cron", "tz", "timezone", "entries"], "/subscribe [name:NAME] [sections:papers,news] [cron:\"0 9 * * MON\"] [tz:Asia/Seoul] [entries:N]"),
        ["unsubscribe"] = (["name"], "/unsubscribe <name>"),
        ["subscriptions"] = ([], "/subscriptions"),
    };

    /// <summary>The commands this adapter answers (without the slash).</summary>
    public static IReadOnlyCollection<string> Names => Commands.Keys;

    /// <summary>The manifest's name for a command: <c>search</c> (apps installed from an older manifest) is <c>digest-search</c>.</summary>
    public static string Canonical(string command) => command == "search" ? "digest-search" : command;

    /// <summary>The one-line usage of a command.</summary>
    public static string Usage(string command) => Commands.TryGetValue(Canonical(command), out var spec) ? "Usage: " + spec.Usage : "Unknown command.";

    /// <summary>Parses <paramref name="text"/> for <paramref name="command"/>; false with a short message for malformed text.</summary>
    public static bool TryParse(string command, string? text, out SlashCommandRequest? request, out string? error)
    {
        request = null;
        error = null;
        command = Canonical(command);
        if (!Commands.TryGetValue(command, out var spec))
        {
            error = $"I don't know /{command}. Try /papers, /digest-search, /refs, /digest or /highlights.";
            return false;
        }

        if (!TryTokenize(text ?? string.Empty, out var tokens))
        {
            error = $"A quote is not closed. {Usage(command)}";
            return false;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var words = new List<string>();
        var inChannel = false;
        foreach (var token in tokens)
        {
            if (token.Quoted is false && token.Text.ToLowerInvariant() is "public" or "in_channel" or "--public")
            {
                inChannel = true;
                continue;
            }

            var colon = token.Text.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? token.Text[..colon].ToLowerInvariant() : null;
            if (key is not null && spec.Keys.Contains(key))
            {
                var value = token.Text[(colon + 1)..].Trim();
                if (value.Length == 0)
                {
                    error = $"'{key}:' needs a value. {Usage(command)}";
                    return false;
                }

                options[key == "timezone" ? "tz" : key] = value;
                continue;
            }

            words.Add(token.Text);
        }

        foreach (var numeric in new[] { "limit", "page", "entries" })
        {
            if (options.TryGetValue(numeric, out var value)
                && (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > 100))
            {
                error = $"'{numeric}:{value}' must be a number from 1 to 100. {Usage(command)}";
                return false;
            }
        }

        request = new SlashCommandRequest(command, string.Join(' ', words), words, options, inChannel);
        error = Validate(request);
        if (error is not null)
        {
            request = null;
            return false;
        }

        return true;
    }

    private static string? Validate(SlashCommandRequest request)
    {
        var usage = Usage(request.Command);
        switch (request.Command)
        {
            case "papers" or "digest-search" or "refs" when string.IsNullOrWhiteSpace(request.Query):
                return $"/{request.Command} needs something to look for. {usage}";
            case "digest":
                var date = request.Option("date") ?? (request.Positionals.Count == 1 ? request.Positionals[0] : null);
                if (request.Positionals.Count > 1 || (date is not null && date != "latest"
                    && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
                {
                    return $"'{request.Query}' is not a date. {usage}";
                }

                return null;
            case "highlights":
                var sections = request.Option("section") is null ? request.Positionals.Count : request.Positionals.Count + 1;
                return sections is 0 ? $"/highlights needs a section. {usage}" : sections > 2 ? $"Too many words. {usage}" : null;
            case "unsubscribe" when request.Option("name") is null && request.Positionals.Count != 1:
                return $"/unsubscribe needs the subscription's name. {usage}";
            case "subscribe" or "subscriptions" when request.Positionals.Count > 0:
                return $"I don't understand '{request.Query}'. {usage}";
            default:
                return null;
        }
    }

    private static bool TryTokenize(string text, out List<(string Text, bool Quoted)> tokens)
    {
        var found = new List<(string Text, bool Quoted)>();
        tokens = found;
        var current = new StringBuilder();
        var quoted = false;
        var inQuotes = false;
        foreach (var c in text.Trim())
        {
            if (c is '"' or '“' or '”')
            {
                inQuotes = !inQuotes;
                quoted = true;
                continue;
            }

            if (char.IsWhiteSpace(c) && !inQuotes)
            {
                Flush();
                continue;
            }

            current.Append(c);
        }

        Flush();
        return !inQuotes;

        void Flush()
        {
            if (current.Length > 0)
            {
                found.Add((current.ToString(), quoted));
            }

            current.Clear();
            quoted = false;
        }
    }
}
