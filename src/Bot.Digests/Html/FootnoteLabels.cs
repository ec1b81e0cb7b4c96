using AngleSharp.Dom;

namespace Bot.Digests.Html;

/// <summary>Footnote markers and definitions as kramdown (<c>#fn:x</c>) and remark-gfm (<c>#user-content-fn-x</c>) write them.</summary>
internal static class FootnoteLabels
{
    private static readonly string[] DefinitionPrefixes = ["fn:", "user-content-fn-", "fn-", "fn"];
    private static readonly string[] ReferencePrefixes = ["#fn:", "#user-content-fn-", "#fn-"];

    /// <summary>The label a footnote marker points at, or null when <paramref name="anchor"/> is an ordinary link.</summary>
    public static string? OfReference(IElement anchor)
    {
        var href = anchor.GetAttribute("href") ?? string.Empty;
        var marked = anchor.ClassList.Contains("footnote") || anchor.ClassList.Contains("footnote-ref") || anchor.HasAttribute("data-footnote-ref")
            || anchor.Children is [{ LocalName: "sup" }]
            || anchor.GetAttribute("rel") == "footnote" || anchor.GetAttribute("role") == "doc-noteref"
            || anchor.ParentElement is { LocalName: "sup" };
        if (!marked)
        {
            return null;
        }

        foreach (var prefix in ReferencePrefixes)
        {
            if (href.StartsWith(prefix, StringComparison.Ordinal) && href.Length > prefix.Length)
            {
                return Clean(Uri.UnescapeDataString(href[prefix.Length..]));
            }
        }

        return null;
    }

    /// <summary>True for the "↩" link from a definition back to its marker.</summary>
    public static bool IsBackReference(IElement anchor)
        => anchor.ClassList.Contains("reversefootnote") || anchor.HasAttribute("data-footnote-backref")
            || anchor.GetAttribute("role") == "doc-backlink"
            || (anchor.GetAttribute("href") ?? string.Empty).StartsWith("#fnref", StringComparison.Ordinal)
            || (anchor.GetAttribute("href") ?? string.Empty).StartsWith("#user-content-fnref", StringComparison.Ordinal);

    /// <summary>The label of a definition's <c>li</c> id, or null.</summary>
    public static string? OfDefinition(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        foreach (var prefix in DefinitionPrefixes)
        {
            if (id.StartsWith(prefix, StringComparison.Ordinal) && id.Length > prefix.Length)
            {
                return Clean(id[prefix.Length..]);
            }
        }

        return null;
    }

    // A label goes back inside [^…]: brackets, spaces and backslashes would end or break it.
    private static string Clean(string label)
        => new(label.Where(c => !char.IsWhiteSpace(c) && c is not '[' and not ']' and not '\\' and not '^').ToArray());
}
