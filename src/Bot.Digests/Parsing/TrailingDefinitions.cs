using Markdig.Extensions.Footnotes;

namespace Bot.Digests.Parsing;

/// <summary>
/// The plain footnote list most digests end with: after a heading (<c>## References</c>), nothing but lines of the
/// exact form <c>[^label]: [Title](url)</c> and blank lines up to the end of the text. Such a list is read here
/// instead of by Markdig, which spends about a third of a digest's parse on it (a footnote block, a paragraph and a
/// link per line). Markdig then parses only the text before the list (<see cref="TrailingListParser"/>), and <see cref="FootnoteCitations"/> makes every
/// <c>[^label]</c> citation of these definitions the same footnote link as before.
/// </summary>
/// <remarks>
/// Only lines whose meaning cannot differ between the two readings qualify: labels of letters, digits, <c>-_.</c>;
/// titles without any character that starts Markdown inline syntax or an attribute list; URLs of plain URL
/// characters without parentheses, escapes or entities. Anything else, a body that defines footnotes itself, a
/// carriage return, or a heading that Markdig does not see as the last block (an unclosed fence, say) sends the
/// whole text down the ordinary path. Tests compare both paths on every fixture and on generated variations.
/// </remarks>
internal sealed class TrailingDefinitions
{
    /// <summary>The key of this object in <see cref="Markdig.MarkdownParserContext.Properties"/>.</summary>
    public static readonly object ContextKey = new();

    private static readonly System.Buffers.SearchValues<char> LabelChars = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    // Inline syntax of the pipeline (emphasis, code, links, autolinks, HTML, entities, escapes) and '{' of attribute
    // lists, which the plain-text walk drops. '!' only matters before '[', which a title cannot contain.
    private static readonly System.Buffers.SearchValues<char> TitleStoppers = System.Buffers.SearchValues.Create("*_`[]<>&\\{\r\n");

    // Plain URL characters and parentheses (balanced, as in `/wiki/Foo_(bar)`); no spaces, escapes or angle brackets.
    private static readonly System.Buffers.SearchValues<char> UrlChars = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#@!$&'()*+,;=%");

    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>? _indexOfLabel;
    private Footnote?[]? _footnotes;

    private TrailingDefinitions(int bodyLength, int headingLine, List<Definition> definitions)
    {
        BodyLength = bodyLength;
        HeadingLine = headingLine;
        Definitions = definitions;
    }

    /// <summary>Length of the text before the first definition: what Markdig reads.</summary>
    public int BodyLength { get; }

    /// <summary>Zero-based line of the heading right before the list; Markdig must end the body with it.</summary>
    public int HeadingLine { get; }

    /// <summary>Zero-based line of the first definition, where <see cref="TrailingListParser"/> takes over.</summary>
    public int FirstDefinitionLine => Definitions[0].Line - 1;

    /// <summary>The definitions in document order (duplicates included, as Markdig would list them).</summary>
    public List<Definition> Definitions { get; }

    /// <summary>The index of the first definition of <paramref name="label"/> (ASCII letters compared ignoring case), or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> label)
    {
        if (_indexOfLabel is not { } lookup)
        {
            var indexes = new Dictionary<string, int>(Definitions.Count, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < Definitions.Count; i++)
            {
                indexes.TryAdd(Definitions[i].Label, i);
            }

            lookup = indexes.GetAlternateLookup<ReadOnlySpan<char>>();
            _indexOfLabel = lookup;
        }

        return lookup.TryGetValue(label, out var index) ? index : -1;
    }

    /// <summary>The Markdig footnote that citations of definition <paramref name="index"/> link to (one per definition).</summary>
    public Footnote FootnoteAt(int index)
    {
        _footnotes ??= new Footnote?[Definitions.Count];
        return _footnotes[index] ??= new Footnote(null!) { Label = "^" + Definitions[index].Label };
    }

    /// <summary>The trailing definition list of <paramref name="markdown"/>, or null when the text does not end in one.</summary>
    public static TrailingDefinitions? Find(string markdown)
    {
        // Most texts without such a list are turned away by their last non-blank line, before any whole-text scan.
        var last = markdown.AsSpan().TrimEnd(" \t\n");
        if (!last[(last.LastIndexOf('\n') + 1)..].StartsWith("[^", StringComparison.Ordinal) || markdown.Contains('\r'))
        {
            return null;
        }

        var found = new List<Definition>();
        var lineIndex = markdown.AsSpan().Count('\n');
        var end = markdown.Length;
        var firstDefinitionStart = -1;
        while (true)
        {
            // The current line is [start, end) and has zero-based index lineIndex.
            var start = end == 0 ? 0 : markdown.LastIndexOf('\n', end - 1) + 1;
            var line = markdown.AsSpan(start, end - start);
            if (TryRead(line, out var label, out var title, out var url))
            {
                found.Add(new Definition(label, lineIndex + 1, title, url));
                firstDefinitionStart = start;
            }
            else if (!line.Trim(" \t").IsEmpty)
            {
                if (found.Count == 0 || line[0] != '#' || DefinesFootnotes(markdown.AsSpan(0, firstDefinitionStart)))
                {
                    return null;
                }

                found.Reverse();
                return new TrailingDefinitions(firstDefinitionStart, lineIndex, found);
            }

            if (start == 0)
            {
                return null;
            }

            end = start - 1;
            lineIndex--;
        }
    }

    // `[^label]: [Title](url)` with optional trailing spaces or tabs, and nothing else; or an empty `[^label]:`
    // (then title and url are null, as Markdig gives a footnote without content).
    private static bool TryRead(ReadOnlySpan<char> line, out string label, out string? title, out string? url)
    {
        label = string.Empty;
        title = url = null;
        if (!line.StartsWith("[^", StringComparison.Ordinal))
        {
            return false;
        }

        var labelEnd = line.IndexOf(']');
        if (labelEnd < 3 || line[2..labelEnd].ContainsAnyExcept(LabelChars) || !line[(labelEnd + 1)..].StartsWith(":", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = line[(labelEnd + 2)..];
        var content = rest.TrimStart(" \t");
        if (content.IsEmpty)
        {
            label = line[2..labelEnd].ToString();
            return true;
        }

        if (content.Length == rest.Length || !content.StartsWith("[", StringComparison.Ordinal))
        {
            return false;
        }

        var titleEnd = IndexOfAny(content, TitleStoppers, 1);
        if (titleEnd < 0 || content[titleEnd] != ']' || titleEnd + 1 >= content.Length || content[titleEnd + 1] != '(')
        {
            return false;
        }

        var link = content[(titleEnd + 2)..].TrimEnd(" \t");
        if (link.Length < 2 || link[^1] != ')')
        {
            return false;
        }

        var destination = link[..^1];
        if (destination.IsEmpty || destination.ContainsAnyExcept(UrlChars) || (destination.Contains('&') && destination.Contains(';')) || !BalancedParentheses(destination))
        {
            return false;
        }

        label = line[2..labelEnd].ToString();
        title = content[1..titleEnd].ToString();
        url = destination.ToString();
        return true;
    }

    // A footnote definition in the body would be listed before the trailing ones; keep the ordinary path for that.
    // Markdig only reads one at the start of a line (at most three spaces in; up to four spaces or tabs are taken here):
    // "[^" whose first ']' on the line is followed by ':'. So every such line has a "]:", which body text nearly never
    // has: each "]:" found sends its line to that check, once per line, so the search stays linear whatever the body holds.
    internal static bool DefinesFootnotes(ReadOnlySpan<char> body)
    {
        var searched = 0;
        var lineStart = 0;
        var checkedLine = -1;
        while (true)
        {
            var found = body[searched..].IndexOf("]:", StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            var at = searched + found;
            var newline = body[searched..at].LastIndexOf('\n');
            lineStart = newline < 0 ? lineStart : searched + newline + 1;
            searched = at + 2;
            if (lineStart == checkedLine)
            {
                continue;
            }

            checkedLine = lineStart;
            var indent = 0;
            while (indent < 4 && lineStart + indent < at && body[lineStart + indent] is ' ' or '\t')
            {
                indent++;
            }

            var line = body[(lineStart + indent)..];
            var close = line.IndexOfAny(']', '\n');
            if (line.StartsWith("[^", StringComparison.Ordinal) && close > 0 && line[close] == ']' && close + 1 < line.Length && line[close + 1] == ':')
            {
                return true;
            }
        }
    }

    private static bool BalancedParentheses(ReadOnlySpan<char> url)
    {
        var depth = 0;
        foreach (var c in url)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    private static int IndexOfAny(ReadOnlySpan<char> text, System.Buffers.SearchValues<char> values, int from)
    {
        var index = text[from..].IndexOfAny(values);
        return index < 0 ? -1 : index + from;
    }

    /// <summary>One <c>[^label]: [Title](url)</c> line: its label, one-based line, raw title and URL (both null when empty).</summary>
    internal sealed record Definition(string Label, int Line, string? Title, string? Url);
}
