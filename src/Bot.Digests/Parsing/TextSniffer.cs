using System.Text;

namespace Bot.Digests.Parsing;

/// <summary>Cheap checks on raw text before Markdig sees it.</summary>
internal static class TextSniffer
{
    private const int MaxIndent = 40;
    private const int MaxMarkerRun = 16;

    private static readonly System.Buffers.SearchValues<char> Suspicious = System.Buffers.SearchValues.Create(
        "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\uFFFD");

    /// <summary>True for NUL characters, or many control/replacement characters near the start.</summary>
    public static bool LooksBinary(string text)
    {
        if (text.AsSpan().IndexOf('\0') >= 0)
        {
            return true;
        }

        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        if (sample.IndexOfAny(Suspicious) < 0)
        {
            return false;
        }

        var odd = 0;
        foreach (var c in sample)
        {
            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f' or '\v')) || c == '\uFFFD')
            {
                odd++;
            }
        }

        return odd * 20 > sample.Length;
    }

    /// <summary>Caps indentation and runs of container markers so absurdly nested input parses as shallower blocks.</summary>
    public static string Flatten(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.AsSpan();
            var indent = 0;
            while (indent < line.Length && line[indent] is ' ' or '\t')
            {
                indent++;
            }

            result.Append(' ', Math.Min(indent, MaxIndent));
            var rest = line[indent..];
            var markers = 0;
            while (markers < rest.Length && rest[markers] is '>' or '-' or '*' or '+' or ' ' or '\t' or '[' or '(')
            {
                markers++;
            }

            result.Append(markers > MaxMarkerRun ? rest[(markers - MaxMarkerRun)..] : rest).Append('\n');
        }

        return result.ToString();
    }
}
