using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Tests.Support;

/// <summary>
/// The CLI examples of README.md, read from the file itself: every <c>dotnet run --project src/Bot -- …</c> line in a
/// fenced shell block, and the output blocks a <c>&lt;!-- readme-output: ARGS --&gt;</c> comment ties to the command ARGS.
/// </summary>
internal static partial class ReadmeExamples
{
    /// <summary>One command line as the README shows it.</summary>
    /// <param name="Args">The words after <c>--</c>, unquoted as a shell would.</param>
    public sealed record Command(int Line, string Text, IReadOnlyList<string> Args);

    /// <summary>A fenced block the README says a command prints (<paramref name="Language"/> <c>text</c>, <c>json</c>, or empty).</summary>
    public sealed record Output(int Line, string Args, string Language, IReadOnlyList<string> Lines);

    public static (IReadOnlyList<Command> Commands, IReadOnlyList<Output> Outputs) Read(string readmePath)
    {
        var lines = File.ReadAllLines(readmePath);
        var commands = new List<Command>();
        var outputs = new List<Output>();
        string? pendingOutput = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (OutputMarker().Match(lines[i]) is { Success: true } marker)
            {
                pendingOutput = marker.Groups[1].Value.Trim();
                continue;
            }

            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                if (lines[i].Trim().Length > 0)
                {
                    pendingOutput = null; // a marker belongs to the fenced block right after it
                }

                continue;
            }

            var language = lines[i][3..].Trim();
            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                body.Add(lines[i]);
            }

            if (pendingOutput is not null)
            {
                outputs.Add(new Output(start + 1, pendingOutput, language, body));
                pendingOutput = null;
            }
            else if (language is "bash" or "sh" or "shell" or "console")
            {
                for (var j = 0; j < body.Count; j++)
                {
                    if (CommandLine().Match(body[j]) is { Success: true } command)
                    {
                        var text = StripComment(command.Groups["args"].Value).Trim();
                        commands.Add(new Command(start + 2 + j, text, Split(text)));
                    }
                }
            }
        }

        return (commands, outputs);
    }

    /// <summary>Splits like a POSIX shell for the quoting a README uses: '…', "…" and plain words.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static string StripComment(string text)
    {
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                return text[..i];
            }
        }

        return text;
    }

    [GeneratedRegex(@"^\s*(?:\$\s+)?dotnet run --project src/Bot(?:\s+--(?<args>(?:\s.*)?))?\s*(?:#.*)?$")]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"^\s*<!--\s*readme-output:\s*(.+?)\s*-->\s*$")]
    private static partial Regex OutputMarker();
}
