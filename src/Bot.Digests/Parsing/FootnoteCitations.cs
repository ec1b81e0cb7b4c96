using System.Buffers;

using Markdig.Extensions.Footnotes;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Digests.Parsing;

/// <summary>
/// Resolves <c>[^label]</c> citations of the definitions that <see cref="TrailingDefinitions"/> read from the end of the
/// text (passed in the parser context), through Markdig's public inline-parser API, so that Markdig's link-label table
/// stays empty for ordinary digests. Markdig compares labels with a culture-aware comparer (case and diacritics ignored)
/// whose hash costs about a quarter of Markdig's own parse once the table holds definitions: it looks up every
/// <c>[</c>, link or not. A citation becomes the same <see cref="FootnoteLink"/> Markdig would make.
/// </summary>
/// <remarks>
/// Only what cannot read differently is resolved here: <c>[^label]</c> with a label of letters, digits and <c>-_.</c>
/// (on which that comparer is ordinal ignoring case), not followed by <c>(</c> or <c>[</c> and not inside another
/// bracket. Any other bracket whose label might equal a definition's (it has <c>^</c>, a backslash or a non-ASCII
/// character: ASCII text without <c>^</c> cannot) first registers every definition in Markdig's table, as Markdig's
/// footnote parser would have, and is left to Markdig; so do the labels of <c>![</c> and of <c>][</c> (and <c>][][</c>). A body that
/// defines such a label itself is parsed the ordinary way (see <see cref="DigestParser"/>).
/// </remarks>
internal sealed class FootnoteCitations : InlineParser
{
    private static readonly object RegisteredKey = new();

    private static readonly SearchValues<char> LabelChars = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    private static readonly SearchValues<char> LabelEnds = SearchValues.Create("[]\\");

    // ASCII but '^' and '\': a label of these never equals "^label", whatever the comparer ignores.
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 128).Select(c => (char)c).Where(c => c is not '^' and not '\\')));

    public FootnoteCitations() => OpeningCharacters = ['[', ']', '!'];

    /// <summary>Whether Markdig's label <paramref name="label"/> might equal some <c>^label</c> under Markdig's comparer.</summary>
    internal static bool MayNameFootnote(ReadOnlySpan<char> label) => label.ContainsAnyExcept(PlainAscii);

    // Whether the bracketed label starting at text[0] ('[') might name a footnote.
    private static bool BracketMayNameFootnote(ReadOnlySpan<char> text)
    {
        var content = text[1..];
        var end = content.IndexOfAny(LabelEnds);

        // Markdig's label ends at the first unescaped ']' and is invalid at an unescaped '[' or the end of the text;
        // a backslash could escape either, so it counts as a possible name.
        return end >= 0 && (content[end] == '\\' || (content[end] == ']' && MayNameFootnote(content[..end])));
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        ArgumentNullException.ThrowIfNull(processor);
        if (processor.Context is not { } context
            || !context.Properties.TryGetValue(TrailingDefinitions.ContextKey, out var value)
            || value is not TrailingDefinitions trailing)
        {
            return false;
        }

        var text = slice.Text.AsSpan(slice.Start, slice.Length);
        if (text[0] == '[')
        {
            var labelLength = CitedLabelLength(text);
            if (labelLength > 0)
            {
                var index = trailing.IndexOf(text.Slice(2, labelLength));
                if (index < 0)
                {
                    // Not a definition's label, and no spelling of these characters equals one: Markdig leaves it as text.
                    return false;
                }

                var next = labelLength + 3 < text.Length ? text[labelLength + 3] : '\0';
                if (next is not '(' and not '[' && processor.Inline?.FirstParentOfType<LinkDelimiterInline>() is null)
                {
                    Cite(processor, ref slice, trailing.FootnoteAt(index), labelLength);
                    return true;
                }
            }
            else if (!BracketMayNameFootnote(text))
            {
                return false;
            }
        }
        else if (!FollowedByFootnoteLikeLabel(text))
        {
            // '!' or ']' not followed by a label that might name a footnote: Markdig reads it the same either way.
            return false;
        }

        Register(processor.Document, trailing);
        return false;
    }

    // The labels Markdig looks up after '!' (an image's) or ']' (a full reference's; after an empty `[]`, which takes the
    // opening bracket's label, Markdig goes on to read the next bracket as one).
    private static bool FollowedByFootnoteLikeLabel(ReadOnlySpan<char> text)
    {
        var label = text[1..];
        if (text[0] == ']' && label.StartsWith("[]", StringComparison.Ordinal))
        {
            label = label[2..];
        }

        return label.StartsWith("[", StringComparison.Ordinal) && BracketMayNameFootnote(label);
    }

    // The length of `label` in `[^label]` at the start of text, or 0.
    private static int CitedLabelLength(ReadOnlySpan<char> text)
    {
        if (text.Length < 4 || text[1] != '^')
        {
            return 0;
        }

        var length = text[2..].IndexOfAnyExcept(LabelChars);
        return length > 0 && text[2 + length] == ']' ? length : 0;
    }

    // What Markdig's link parser does for a shortcut reference to a footnote: a footnote link from '[' to ']'.
    private static void Cite(InlineProcessor processor, ref StringSlice slice, Footnote footnote, int labelLength)
    {
        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        var close = slice.Start + labelLength + 2;
        processor.Inline = new FootnoteLink(footnote)
        {
            Span = new SourceSpan(start, processor.GetSourcePosition(close)),
            Line = line,
            Column = column,
            IsClosed = true,
        };
        slice.Start = close + 1;
    }

    // Puts every trailing definition in Markdig's label table (once per document; the first of a label wins), as
    // Markdig's footnote parser does, so that Markdig resolves the bracket about to be read exactly as it would have.
    private static void Register(MarkdownDocument document, TrailingDefinitions trailing)
    {
        if (document.GetData(RegisteredKey) is not null)
        {
            return;
        }

        document.SetData(RegisteredKey, RegisteredKey);
        var group = document.GetLinkReferenceDefinitions(false);
        for (var i = 0; i < trailing.Definitions.Count; i++)
        {
            var definition = trailing.Definitions[i];
            var footnote = trailing.FootnoteAt(i);
            group.Links.TryAdd(footnote.Label!, new FootnoteLinkReferenceDefinition(footnote)
            {
                Label = footnote.Label,
                Line = definition.Line - 1,
                CreateLinkInline = CreateFootnoteLink,
            });
        }
    }

    private static FootnoteLink CreateFootnoteLink(InlineProcessor processor, LinkReferenceDefinition definition, Inline? child) =>
        new(((FootnoteLinkReferenceDefinition)definition).Footnote);
}
