using System.Text;

namespace Bot.Digests.Parsing;

/// <summary>
/// Finds the input shapes that make Markdig itself super-linear before it sees them: paragraphs thick with unclosed link
/// openers (<c>[a](</c> repeated) or brackets, and containers nested thousands deep. The first are escaped so they read as
/// plain text; the second are flattened. Both with a warning; ordinary digests pass through untouched and uncopied.
/// </summary>
internal static class HostileShapes
{
    public static string Defuse(string markdown, DigestLimits limits, ParseContext context)
    {
        // An ordinary digest has far fewer brackets than the cap and shallow nesting: it is checked in place, with no
        // copy of its lines (splitting every digest into lines cost ~10% of a briefing's parse).
        var nesting = DeepestNesting(markdown);
        if (!MayHaveBracketParagraph(markdown, limits.MaxBracketsPerParagraph) && nesting <= limits.MaxNestingDepth)
        {
            return markdown;
        }

        var lines = markdown.Split('\n');
        var degraded = DegradeBracketParagraphs(lines, limits.MaxBracketsPerParagraph, context);
        var text = degraded ? string.Join('\n', lines) : markdown;
        if (nesting > limits.MaxNestingDepth)
        {
            context.Warn(ParseWarningCodes.NestingTooDeep, $"Blocks are nested more than {limits.MaxNestingDepth} levels deep; deep nesting was flattened before parsing.", 0);
            text = TextSniffer.Flatten(text);
        }

        return text;
    }

    /// <summary>
    /// False when no paragraph can have more than <paramref name="maxBrackets"/> unclosed brackets or links: a paragraph's
    /// count is at most its <c>[</c> plus its <c>](</c>, so the whole text's total bounds every paragraph's.
    /// </summary>
    internal static bool MayHaveBracketParagraph(string markdown, int maxBrackets)
    {
        // Every "](" has its own ']', so the count of ']' (one vectorised pass, like '[') settles an ordinary digest
        // without the slower search for the pair.
        var text = markdown.AsSpan();
        long openers = text.Count('[');
        return openers + text.Count(']') > maxBrackets && openers + text.Count("](") > maxBrackets;
    }

    private static bool DegradeBracketParagraphs(string[] lines, int maxBrackets, ParseContext context)
    {
        var degraded = false;
        var start = 0;
        long openers = 0, closers = 0, linkStarts = 0, linkEnds = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i == lines.Length || string.IsNullOrWhiteSpace(lines[i]))
            {
                // Balanced links and footnote lists, however many, are linear for Markdig; the unclosed ones are not.
                var unclosed = Math.Max(0, openers - closers) + Math.Max(0, linkStarts - linkEnds);
                if (unclosed > maxBrackets)
                {
                    for (var j = start; j < i; j++)
                    {
                        lines[j] = lines[j].Replace("[", "\\[", StringComparison.Ordinal);
                    }

                    context.Warn(ParseWarningCodes.MarkdownDegraded, $"A paragraph has {unclosed} unclosed brackets or links, more than the {maxBrackets} allowed; it was read as plain text.", start + 1);
                    degraded = true;
                }

                start = i + 1;
                openers = closers = linkStarts = linkEnds = 0;
                continue;
            }

            var line = lines[i].AsSpan();
            openers += line.Count('[');
            closers += line.Count(']');
            linkStarts += line.Count("](");
            linkEnds += line.Count(')');
        }

        return degraded;
    }

    // Depth of the container prefix of each line ('\n'-separated, as Defuse splits them): two columns of indentation
    // or one quote/list marker per level.
    internal static int DeepestNesting(string markdown)
    {
        var deepest = 0;
        var rest = markdown.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            deepest = Math.Max(deepest, NestingOf(end < 0 ? rest : rest[..end]));
            if (end < 0)
            {
                return deepest;
            }

            rest = rest[(end + 1)..];
        }
    }

    private static int NestingOf(ReadOnlySpan<char> line)
    {
        var depth = 0;
        var spaces = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == ' ')
            {
                spaces++;
            }
            else if (c == '\t')
            {
                spaces += 4;
            }
            else if (c is '>' or '-' or '*' or '+' && (i + 1 == line.Length || line[i + 1] is ' ' or '\t' or '>'))
            {
                depth++;
            }
            else
            {
                break;
            }
        }

        return depth + (spaces / 2);
    }
}
