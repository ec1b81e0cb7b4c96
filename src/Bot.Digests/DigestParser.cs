using Bot.Digests.Model;
using Bot.Digests.Parsing;

using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace Bot.Digests;

/// <summary>Parses digest Markdown into a <see cref="Digest"/>. Never throws for bad content: it warns.</summary>
public sealed class DigestParser
{
    private readonly bool _readTrailingDefinitions;
    private readonly DigestLimits _limits = DigestLimits.Default;

    /// <summary>A parser with every fast path on.</summary>
    public DigestParser()
        : this(readTrailingDefinitions: true)
    {
    }

    /// <summary>A parser with its own bounds on file size, references per entry and nesting.</summary>
    public DigestParser(DigestLimits limits)
        : this(readTrailingDefinitions: true)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
    }

    /// <summary>Tests compare the two readings of a trailing footnote list through this switch.</summary>
    internal DigestParser(bool readTrailingDefinitions) => _readTrailingDefinitions = readTrailingDefinitions;

    /// <summary>Parses <paramref name="markdown"/>. <paramref name="fileName"/> (no folder) feeds the id, slug and fallback date.</summary>
    public Digest Parse(string markdown, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var name = string.IsNullOrWhiteSpace(fileName) ? null : Path.GetFileName(fileName.Trim());
        if (markdown.Length > 0 && markdown[0] == '\uFEFF')
        {
            markdown = markdown[1..];
        }

        var context = new ParseContext { MaxWarningsPerCode = _limits.MaxWarningsPerCode };
        if (string.IsNullOrWhiteSpace(markdown))
        {
            context.Warn(ParseWarningCodes.ContentEmpty, "The digest is empty.", 0);
            return Finish(context, name, new FrontMatter(), DigestFormat.Sectioned, quiet: true);
        }

        if (TextSniffer.LooksBinary(markdown))
        {
            context.Warn(ParseWarningCodes.ContentBinary, "The digest looks like binary data, not Markdown text.", 0);
            return Finish(context, name, new FrontMatter(), DigestFormat.Sectioned, quiet: true);
        }

        if (markdown.Length > _limits.MaxFileChars)
        {
            context.Warn(ParseWarningCodes.FileTooLarge, $"The digest has {markdown.Length:N0} characters, more than the {_limits.MaxFileChars:N0} allowed; it was not parsed.", 0);
            return Finish(context, name, new FrontMatter(), DigestFormat.Sectioned, quiet: true);
        }

        markdown = HostileShapes.Defuse(markdown, _limits, context);
        var trailing = _readTrailingDefinitions ? TrailingDefinitions.Find(markdown) : null;
        var document = trailing is null ? null : ParseBody(markdown, trailing);
        var briefing = document is not null && DigestAssembler.IsBriefing(document, markdown);
        if (document is null || briefing)
        {
            // Briefings read the document's own blocks, so they always take the ordinary path.
            trailing = null;
            document = ParseMarkdown(markdown, context);
            briefing = document is not null && DigestAssembler.IsBriefing(document, markdown);
        }

        var frontMatter = ReadFrontMatter(markdown, document, context);
        var format = DigestFormat.Sectioned;
        if (document is not null)
        {
            if (briefing)
            {
                format = DigestFormat.Briefing;
                new BriefingReader(context, frontMatter.Get("title")).Read(document);
            }
            else
            {
                new SectionedReader(context, FootnoteIndex.Build(document, trailing?.Definitions, context)).Read(document);
            }

            CutReferences(context, _limits.MaxReferencesPerEntry);
            DigestAssembler.WarnDuplicateReferences(context, inDocumentOrder: format == DigestFormat.Sectioned);
        }

        return Finish(context, name, frontMatter, format, quiet: false);
    }

    // The text with a plain trailing footnote list left to TrailingDefinitions (Markdig skips its lines and resolves its
    // citations through FootnoteCitations); null when Markdig does not end the body with the heading the list was found
    // under (an unclosed fence, say), the body defines a label that might name a footnote, or Markdig fails on it.
    internal static MarkdownDocument? ParseBody(string markdown, TrailingDefinitions trailing)
    {
        try
        {
            var parserContext = new MarkdownParserContext();
            parserContext.Properties[TrailingDefinitions.ContextKey] = trailing;
            var document = Markdown.Parse(markdown, DigestPipeline.Instance, parserContext);
            var endsWithList = document.Count >= 2 && document.LastChild is TrailingListBlock && document[^2] is HeadingBlock heading && heading.Line == trailing.HeadingLine;
            return endsWithList && !DefinesFootnoteLikeLabels(document) ? document : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    // A link reference definition in the body whose label might equal a footnote's would have lost to the trailing
    // definition of that label, which the ordinary path registers first: leave such a text to the ordinary path.
    private static bool DefinesFootnoteLikeLabels(MarkdownDocument document)
    {
        foreach (var block in document.GetLinkReferenceDefinitions(false))
        {
            if (block is LinkReferenceDefinition { Label: { } label } && FootnoteCitations.MayNameFootnote(label))
            {
                return true;
            }
        }

        return false;
    }

    private static MarkdownDocument? ParseMarkdown(string markdown, ParseContext context)
    {
        try
        {
            return Markdown.Parse(markdown, DigestPipeline.Instance);
        }
        catch (Exception first) when (first is not OutOfMemoryException)
        {
            // Markdig refuses absurd nesting (800-level lists) with an ArgumentException instead of overflowing the stack.
            try
            {
                var document = Markdown.Parse(TextSniffer.Flatten(markdown), DigestPipeline.Instance);
                context.Warn(ParseWarningCodes.NestingTooDeep, "Blocks are nested too deeply; deep indentation was flattened before parsing.", 0);
                return document;
            }
            catch (Exception second) when (second is not OutOfMemoryException)
            {
                context.Warn(ParseWarningCodes.MarkdownError, $"The body could not be parsed ({first.Message}); only the front matter was read.", 0);
                return null;
            }
        }
    }

    private static void CutReferences(ParseContext context, int max)
    {
        foreach (var section in context.Sections)
        {
            foreach (var entry in section.Entries)
            {
                if (entry.CutReferences(max) is > 0 and var dropped)
                {
                    context.Warn(ParseWarningCodes.ReferencesCut, $"The entry '{entry.Title}' cites {max + dropped} references; the first {max} were kept.", entry.Line);
                }
            }
        }
    }

    private static FrontMatter ReadFrontMatter(string markdown, MarkdownDocument? document, ParseContext context)
    {
        // Front matter opens the text, so it is one of the first two blocks (after the link-label group, when there is one).
        var yaml = document is null ? null : (document.Count > 0 ? document[0] as YamlFrontMatterBlock : null) ?? (document.Count > 1 ? document[1] as YamlFrontMatterBlock : null);
        if (yaml is not null)
        {
            return FrontMatterReader.Read(yaml.Lines.ToString(), yaml.Line + 2, context.Warnings);
        }

        var opensFrontMatter = markdown.AsSpan().TrimStart('\uFEFF').StartsWith("---", StringComparison.Ordinal);
        if (opensFrontMatter)
        {
            context.Warn(ParseWarningCodes.FrontMatterUnterminated, "The front matter opens with '---' but never closes; it was read as Markdown.", 1);
        }
        else
        {
            context.Warn(ParseWarningCodes.FrontMatterMissing, "The digest has no front matter (title, date, tags).", 0);
        }

        return new FrontMatter();
    }

    private static Digest Finish(ParseContext context, string? fileName, FrontMatter frontMatter, DigestFormat format, bool quiet)
    {
        var title = frontMatter.Get("title") ?? context.FirstHeading;
        if (title is null && !quiet)
        {
            context.Warn(ParseWarningCodes.TitleMissing, "The digest has no title in its front matter nor a '#' heading.", 0);
        }

        title ??= fileName is null ? string.Empty : Path.GetFileNameWithoutExtension(fileName);
        var date = ReadDate(frontMatter, fileName, context, quiet);
        var description = frontMatter.Get("description");
        var summary = format == DigestFormat.Briefing
            ? JoinSummary(context.Intro, context.Viewpoint)
            : description ?? context.Intro;
        var id = StableIds.ForDigest(fileName, date, title);
        var sections = DigestAssembler.BuildSections(id, context);
        var warnings = context.Warnings.Count == 0 ? [] : WarningCap.Apply(context.Warnings, context.MaxWarningsPerCode, context.WarningCounts).OrderBy(w => w.Line).ToArray();
        return new Digest(
            id,
            title,
            date,
            format,
            frontMatter.GetList("tags"),
            frontMatter.GetList("categories"),
            frontMatter.Get("author"),
            description,
            summary,
            DateReader.SlugOf(fileName),
            frontMatter.Get("permalink"),
            sections,
            warnings);
    }

    private static DateOnly? ReadDate(FrontMatter frontMatter, string? fileName, ParseContext context, bool quiet)
    {
        var written = frontMatter.Scalars.TryGetValue("date", out var raw) && !string.IsNullOrWhiteSpace(raw.Value) ? raw : default;
        var date = DateReader.Read(written.Value);
        if (date is null && written.Value is not null)
        {
            context.Warn(ParseWarningCodes.DateInvalid, $"The date '{written.Value.Trim()}' could not be read.", written.Line);
        }

        date ??= DateReader.FromFileName(fileName);
        if (date is null && written.Value is null && !quiet)
        {
            context.Warn(ParseWarningCodes.DateMissing, "The digest has no date in its front matter nor a yyyy-MM-dd file name.", 0);
        }

        return date;
    }

    private static string? JoinSummary(string? intro, string? viewpoint) =>
        (intro, viewpoint) switch
        {
            (null, null) => null,
            (null, _) => viewpoint,
            (_, null) => intro,
            _ => intro + "\n\n" + viewpoint,
        };
}
