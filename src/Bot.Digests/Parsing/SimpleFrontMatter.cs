namespace Bot.Digests.Parsing;

/// <summary>
/// A fast path for the usual front matter: one <c>key: value</c> per line, values plain, simply double-quoted
/// or an inline <c>[a, b]</c> list of plain words; or a key over an indented block of <c>- item</c> lines (a
/// list) or of such <c>key: value</c> lines (a nested mapping, which the reader skips). It gives exactly what
/// YamlDotNet's event parser gives for such text and declines (returns false) on anything else, which then goes
/// through YamlDotNet.
/// </summary>
internal static class SimpleFrontMatter
{
    /// <summary>Reads <paramref name="yaml"/> (first line is file line <paramref name="firstLine"/>) when it is simple enough.</summary>
    public static bool TryRead(string yaml, int firstLine, out FrontMatter result)
    {
        result = new FrontMatter();
        if (!IsPlainText(yaml))
        {
            return false;
        }

        var any = false;
        var lineNumber = firstLine;
        var rest = yaml.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            var current = lineNumber++;
            if (line.IsWhiteSpace())
            {
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0 || !IsKey(line[..colon]) || (colon + 1 < line.Length && line[colon + 1] != ' '))
            {
                return false;
            }

            var key = line[..colon].ToString();
            if (result.Scalars.ContainsKey(key) || result.Lists.ContainsKey(key))
            {
                return false;
            }

            var value = line[(colon + 1)..].Trim(' ');
            if (value.IsEmpty)
            {
                if (!TryReadBlock(ref rest, ref lineNumber, out var block))
                {
                    return false;
                }

                if (block is not null)
                {
                    result.Lists[key] = block;
                }

                any = true;
                continue;
            }

            if (!TryReadValue(value, out var scalar, out var list))
            {
                return false;
            }

            if (list is not null)
            {
                result.Lists[key] = list;
            }
            else
            {
                result.Scalars[key] = (scalar!, current);
            }

            any = true;
        }

        return any;
    }

    // A plain or simply double-quoted scalar, or an inline list of plain words.
    private static bool TryReadValue(ReadOnlySpan<char> value, out string? scalar, out List<string>? list)
    {
        scalar = null;
        list = null;
        if (value[0] == '[')
        {
            return TryReadList(value, out list);
        }

        if (value[0] == '"')
        {
            var inner = value[1..];
            if (inner.Length == 0 || inner[^1] != '"' || inner[..^1].ContainsAny('"', '\\'))
            {
                return false;
            }

            scalar = inner[..^1].ToString();
            return true;
        }

        if (IsPlainScalar(value))
        {
            scalar = value.ToString();
            return true;
        }

        return false;
    }

    // The indented lines after `key:` up to the next unindented or blank line: all `- item` at one indentation
    // (a list, returned) or all `name: value` at one indentation greater than zero (a nested mapping, skipped:
    // returns true with a null list). Anything else, or nothing, declines.
    private static bool TryReadBlock(ref ReadOnlySpan<char> rest, ref int lineNumber, out List<string>? items)
    {
        items = null;
        var indent = -1;
        var sequence = false;
        var count = 0;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            var spaces = line.Length - line.TrimStart(' ').Length;
            var isItem = line[spaces..].StartsWith("- ", StringComparison.Ordinal);
            if (line.IsWhiteSpace() || (spaces == 0 && !isItem))
            {
                break;
            }

            if (count == 0)
            {
                (indent, sequence) = (spaces, isItem);
                items = sequence ? [] : null;
            }

            if (spaces != indent || isItem != sequence || (!sequence && !IsNestedScalarLine(line[spaces..])))
            {
                return false;
            }

            if (sequence)
            {
                var item = line[(spaces + 2)..].Trim(' ');
                if (item.IsEmpty || !TryReadValue(item, out var scalar, out _) || scalar is null)
                {
                    return false;
                }

                items!.Add(scalar);
            }

            count++;
            lineNumber++;
            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return count > 0;
    }

    private static bool IsNestedScalarLine(ReadOnlySpan<char> line)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0 || !IsKey(line[..colon]) || colon + 1 >= line.Length || line[colon + 1] != ' ')
        {
            return false;
        }

        var value = line[(colon + 1)..].Trim(' ');
        return !value.IsEmpty && TryReadValue(value, out _, out _);
    }

    // Printable BMP text without tabs, carriage returns, Unicode line breaks or surrogates: nothing YAML would reject or fold.
    private static bool IsPlainText(string yaml)
    {
        foreach (var c in yaml)
        {
            if ((c < ' ' && c != '\n') || c is (>= '\u007F' and <= '\u009F') or (>= '\uD800' and <= '\uDFFF') or '\u2028' or '\u2029' or '\uFEFF' or > '\uFFFD')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsKey(ReadOnlySpan<char> key)
    {
        if (!char.IsAsciiLetter(key[0]))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    // A one-line plain scalar: no indicator first, no comment, no nested mapping, nothing to unescape.
    private static bool IsPlainScalar(ReadOnlySpan<char> value) =>
        !"-?:,[]{}#&*!|>'\"%@`".Contains(value[0])
        && value[^1] != ':'
        && !value.Contains(": ", StringComparison.Ordinal)
        && !value.Contains(" #", StringComparison.Ordinal);

    private static bool TryReadList(ReadOnlySpan<char> value, out List<string> items)
    {
        items = [];
        if (value[^1] != ']')
        {
            return false;
        }

        var inner = value[1..^1];
        if (inner.IsWhiteSpace())
        {
            return true;
        }

        foreach (var range in inner.Split(','))
        {
            var item = inner[range].Trim(' ');
            if (item.IsEmpty || !char.IsLetterOrDigit(item[0]))
            {
                return false;
            }

            foreach (var c in item)
            {
                if (!char.IsLetterOrDigit(c) && c is not (' ' or '-' or '_' or '.'))
                {
                    return false;
                }
            }

            items.Add(item.ToString());
        }

        return true;
    }
}
