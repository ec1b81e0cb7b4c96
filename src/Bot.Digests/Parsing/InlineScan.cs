using Markdig.Syntax.Inlines;

namespace Bot.Digests.Parsing;

/// <summary>What one walk over a block's inlines found besides text: footnote citations and links.</summary>
internal sealed class InlineScan
{
    private List<string>? _footnoteLabels;
    private List<Inline>? _links;
    private List<string>? _literalLabels;
    private List<string>? _bareUrls;

    /// <summary>Footnote labels (without <c>^</c>) cited through Markdig footnote links, in order.</summary>
    public List<string> FootnoteLabels => _footnoteLabels ??= [];

    /// <summary>Non-image links and autolinks, in order.</summary>
    public List<Inline> Links => _links ??= [];

    /// <summary>Labels of literal <c>[^id]</c> markers (filled when the text is finished).</summary>
    public List<string> LiteralLabels => _literalLabels ??= [];

    /// <summary>True when the walk found any footnote citation (resolved or literal).</summary>
    public bool CitesFootnote => _footnoteLabels is { Count: > 0 } || _literalLabels is { Count: > 0 };

    /// <summary>Bare <c>http(s)://</c> URLs written as plain text, in order.</summary>
    public List<string> BareUrls => _bareUrls ??= [];

    /// <summary>True when the walk found a link or a bare URL.</summary>
    public bool HasLinks => _links is { Count: > 0 } || _bareUrls is { Count: > 0 };

    /// <summary>Nesting of link text being walked (bare URLs inside link text are not separate links).</summary>
    public int LinkDepth { get; set; }

    /// <summary>Forgets everything found, keeping the lists for reuse.</summary>
    public InlineScan Reset()
    {
        _footnoteLabels?.Clear();
        _links?.Clear();
        _literalLabels?.Clear();
        _bareUrls?.Clear();
        LinkDepth = 0;
        return this;
    }

    /// <summary>Notes every bare URL in <paramref name="text"/>.</summary>
    public void FindBareUrls(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var start = text.IndexOf("http", StringComparison.OrdinalIgnoreCase);
            if (start < 0)
            {
                return;
            }

            var rest = text[start..];
            var schemeLength = rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8 : rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7 : 0;
            if (schemeLength == 0 || (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])))
            {
                text = rest[4..];
                continue;
            }

            var end = rest.IndexOfAny(" \t\r\n<>\"'`");
            var url = end < 0 ? rest : rest[..end];
            url = url.TrimEnd(".,;:!?");
            if (url.EndsWith(')') && !url.Contains('('))
            {
                url = url[..^1];
            }

            if (url.Length > schemeLength)
            {
                BareUrls.Add(url.ToString());
            }

            text = rest[Math.Max(url.Length, schemeLength)..];
        }
    }
}
