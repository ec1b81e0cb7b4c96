using System.Text;

using AngleSharp.Dom;

namespace Bot.Digests.Html;

/// <summary>
/// Walks an AngleSharp DOM and writes the CommonMark that kramdown or remark would have read to produce it.
/// The text then goes through <see cref="DigestParser"/>, so section keys, entries, footnotes, reference
/// canonicalisation, briefings and warnings are exactly those of the Markdown path, with no second model to keep in step.
/// </summary>
internal sealed class MarkdownEmitter
{
    private const int MaxDepth = 200;
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "form", "button", "svg", "iframe", "select", "textarea", "input", "head",
    };

    private readonly StringBuilder _out = new();
    private readonly List<(string Label, string Text)> _definitions = [];
    private readonly Uri? _base;

    public MarkdownEmitter(Uri? baseUrl) => _base = baseUrl;

    /// <summary>Footnote definitions found (kramdown <c>div.footnotes</c>, remark <c>section[data-footnotes]</c>).</summary>
    public int DefinitionCount => _definitions.Count;

    /// <summary>The Markdown of <paramref name="root"/>'s children, footnote definitions last.</summary>
    public string Write(IElement root)
    {
        Blocks(root, string.Empty, 0);
        if (_definitions.Count > 0)
        {
            _out.Append('\n');
            foreach (var (label, text) in _definitions)
            {
                _out.Append("[^").Append(label).Append("]: ").Append(text).Append("\n\n");
            }
        }

        return _out.ToString();
    }

    private void Blocks(INode parent, string prefix, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        var inline = new StringBuilder();
        foreach (var node in parent.ChildNodes)
        {
            if (node is IElement element && IsBlock(element))
            {
                FlushParagraph(inline, prefix);
                Block(element, prefix, depth + 1);
            }
            else
            {
                Inline(node, inline, depth + 1);
            }
        }

        FlushParagraph(inline, prefix);
    }

    private void FlushParagraph(StringBuilder inline, string prefix)
    {
        var text = MarkdownText.Collapse(inline.ToString());
        inline.Clear();
        if (text.Length > 0)
        {
            Line(prefix, MarkdownText.GuardBlockStart(text));
            Line(prefix, string.Empty);
        }
    }

    private void Line(string prefix, string text) => _out.Append(prefix).Append(text).Append('\n');

    private void Block(IElement element, string prefix, int depth)
    {
        var name = element.LocalName;
        if (Skipped.Contains(name) || IsHidden(element))
        {
            return;
        }

        if (IsFootnoteList(element))
        {
            ReadDefinitions(element, depth);
            return;
        }

        switch (name)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                var text = MarkdownText.Collapse(InlineOf(element, depth));
                if (text.Length > 0)
                {
                    Line(prefix, new string('#', name[1] - '0') + " " + text);
                    Line(prefix, string.Empty);
                }

                break;
            case "ul" or "ol":
                List(element, prefix, depth);
                break;
            case "blockquote":
                Blocks(element, prefix + "> ", depth);
                Line(prefix, string.Empty);
                break;
            case "pre":
                Fence(element, prefix);
                break;
            case "hr":
                Line(prefix, "---");
                Line(prefix, string.Empty);
                break;
            case "table":
                foreach (var row in element.QuerySelectorAll("tr"))
                {
                    var cells = row.Children.Select(c => MarkdownText.Collapse(InlineOf(c, depth))).Where(c => c.Length > 0);
                    var joined = string.Join(" \\| ", cells);
                    if (joined.Length > 0)
                    {
                        Line(prefix, MarkdownText.GuardBlockStart(joined));
                        Line(prefix, string.Empty);
                    }
                }

                break;
            default:
                Blocks(element, prefix, depth);
                break;
        }
    }

    private void List(IElement list, string prefix, int depth)
    {
        var ordered = list.LocalName == "ol";
        var number = ordered && int.TryParse(list.GetAttribute("start"), out var start) ? start : 1;
        foreach (var item in list.Children.Where(c => c.LocalName == "li"))
        {
            var marker = ordered ? $"{number++}. " : "- ";
            var indent = prefix + new string(' ', marker.Length);
            var mark = _out.Length;
            Blocks(item, indent, depth + 1);
            var written = _out.ToString(mark, _out.Length - mark);
            _out.Length = mark;
            if (written.Trim().Length == 0)
            {
                Line(prefix, marker.TrimEnd());
                continue;
            }

            // Tight lists in, tight lists out: the blank lines Blocks() leaves between an item's paragraphs are dropped.
            var lines = written.Split('\n').Where(l => l.Trim().Length > 0 && l.Trim() != ">").ToList();
            _out.Append(prefix).Append(marker).Append(lines[0][indent.Length..]).Append('\n');
            foreach (var line in lines.Skip(1))
            {
                _out.Append(line).Append('\n');
            }
        }

        Line(prefix, string.Empty);
    }

    private void Fence(IElement pre, string prefix)
    {
        var code = pre.TextContent.TrimEnd('\n');
        var fence = new string('`', Math.Max(3, MarkdownText.LongestRun(code, '`') + 1));
        Line(prefix, fence);
        foreach (var line in code.Split('\n'))
        {
            Line(prefix, line);
        }

        Line(prefix, fence);
        Line(prefix, string.Empty);
    }

    private void ReadDefinitions(IElement container, int depth)
    {
        foreach (var item in container.QuerySelectorAll("li"))
        {
            var label = FootnoteLabels.OfDefinition(item.Id);
            if (label is null)
            {
                continue;
            }

            var text = new StringBuilder();
            foreach (var node in item.ChildNodes)
            {
                Inline(node, text, depth + 1);
                text.Append(' ');
            }

            _definitions.Add((label, MarkdownText.Collapse(text.ToString())));
        }
    }

    private string InlineOf(INode node, int depth)
    {
        var text = new StringBuilder();
        foreach (var child in node.ChildNodes)
        {
            Inline(child, text, depth + 1);
        }

        return text.ToString();
    }

    private void Inline(INode node, StringBuilder text, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (node is IText textNode)
        {
            text.Append(MarkdownText.Escape(textNode.Data));
            return;
        }

        if (node is not IElement element || Skipped.Contains(element.LocalName) || IsHidden(element))
        {
            return;
        }

        switch (element.LocalName)
        {
            case "br":
                text.Append(' ');
                return;
            case "img":
                var src = Absolute(element.GetAttribute("src") ?? element.GetAttribute("data-src"));
                if (src is not null)
                {
                    text.Append("![").Append(MarkdownText.Escape(element.GetAttribute("alt") ?? string.Empty)).Append("](<").Append(src).Append(">)");
                }

                return;
            case "code":
                var code = element.TextContent;
                var ticks = new string('`', MarkdownText.LongestRun(code, '`') + 1);
                text.Append(ticks).Append(code.Length > 0 && (code[0] == '`' || code[^1] == '`') ? " " + code + " " : code).Append(ticks);
                return;
            case "strong" or "b":
                Wrap(element, text, "**", depth);
                return;
            case "em" or "i":
                Wrap(element, text, "*", depth);
                return;
            case "a":
                Anchor(element, text, depth);
                return;
            default:
                foreach (var child in element.ChildNodes)
                {
                    Inline(child, text, depth + 1);
                }

                return;
        }
    }

    private void Wrap(IElement element, StringBuilder text, string mark, int depth)
    {
        var inner = InlineOf(element, depth);
        if (inner.Trim().Length == 0)
        {
            text.Append(inner);
            return;
        }

        // Emphasis delimiters must touch the text they wrap, so outer spaces move outside them.
        var lead = inner.Length - inner.TrimStart().Length;
        var trail = inner.Length - inner.TrimEnd().Length;
        text.Append(' ', lead > 0 ? 1 : 0).Append(mark).Append(inner.Trim()).Append(mark).Append(' ', trail > 0 ? 1 : 0);
    }

    private void Anchor(IElement anchor, StringBuilder text, int depth)
    {
        var href = anchor.GetAttribute("href") ?? string.Empty;
        var footnote = FootnoteLabels.OfReference(anchor);
        if (footnote is not null)
        {
            text.Append("[^").Append(footnote).Append(']');
            return;
        }

        if (FootnoteLabels.IsBackReference(anchor))
        {
            return;
        }

        var inner = InlineOf(anchor, depth);
        var url = href.StartsWith('#') ? null : Absolute(href);
        if (url is null || inner.Trim().Length == 0)
        {
            text.Append(inner);
            return;
        }

        text.Append('[').Append(inner).Append("](<").Append(url).Append(">)");
    }

    private string? Absolute(string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        Uri? uri = null;
        if (_base is not null)
        {
            Uri.TryCreate(_base, href, out uri);
        }
        else
        {
            Uri.TryCreate(href, UriKind.RelativeOrAbsolute, out uri);
        }

        var text = uri is null ? href : uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;
        return text.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal)
            .Replace(" ", "%20", StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
    }

    private static bool IsFootnoteList(IElement element)
        => (element.LocalName is "div" or "section" or "ol")
            && (element.ClassList.Contains("footnotes") || element.HasAttribute("data-footnotes"));

    private static bool IsHidden(IElement element)
        => element.HasAttribute("hidden") || element.ClassList.Contains("sr-only") || element.ClassList.Contains("visually-hidden");

    private static bool IsBlock(IElement element) => element.LocalName is
        "p" or "div" or "section" or "article" or "main" or "header" or "footer" or "aside" or "figure" or "figcaption"
        or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "ul" or "ol" or "li" or "dl" or "dt" or "dd" or "blockquote"
        or "pre" or "hr" or "table" or "details" or "summary" or "address" or "center";
}
