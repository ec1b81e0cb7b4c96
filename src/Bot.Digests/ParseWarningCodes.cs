using Bot.Digests.Model;

namespace Bot.Digests;

/// <summary>The stable codes of <see cref="ParseWarning"/>; scripts and tests match on these.</summary>
public static class ParseWarningCodes
{
    /// <summary>A footnote such as <c>[^ref-1]</c> is cited but never defined.</summary>
    public const string FootnoteUndefined = "footnote-undefined";

    /// <summary>A footnote definition is never cited.</summary>
    public const string FootnoteUnused = "footnote-unused";

    /// <summary>A footnote definition has nothing after it, or only <c>[]()</c>.</summary>
    public const string DefinitionEmpty = "definition-empty";

    /// <summary>A footnote definition has text but no link to cite.</summary>
    public const string DefinitionNoLink = "definition-no-link";

    /// <summary>The same footnote id is defined twice; the first definition wins.</summary>
    public const string FootnoteDuplicate = "footnote-duplicate";

    /// <summary>The same canonical reference is cited twice in one digest.</summary>
    public const string ReferenceDuplicate = "reference-duplicate";

    /// <summary>An entry heading has no text.</summary>
    public const string EntryUntitled = "entry-untitled";

    /// <summary>A section heading has no entries under it.</summary>
    public const string SectionEmpty = "section-empty";

    /// <summary>The front matter date could not be read.</summary>
    public const string DateInvalid = "date-invalid";

    /// <summary>No date in the front matter nor in a <c>yyyy-MM-dd-…</c> file name.</summary>
    public const string DateMissing = "date-missing";

    /// <summary>The file has no front matter.</summary>
    public const string FrontMatterMissing = "front-matter-missing";

    /// <summary>The front matter opens with <c>---</c> but never closes.</summary>
    public const string FrontMatterUnterminated = "front-matter-unterminated";

    /// <summary>The front matter is not valid YAML; what could be read was kept.</summary>
    public const string FrontMatterInvalid = "front-matter-invalid";

    /// <summary>No title in the front matter nor a <c>#</c> heading.</summary>
    public const string TitleMissing = "title-missing";

    /// <summary>The text is empty.</summary>
    public const string ContentEmpty = "content-empty";

    /// <summary>The text looks binary (NUL or control characters).</summary>
    public const string ContentBinary = "content-binary";

    /// <summary>Blocks are nested too deeply to parse as written; indentation was flattened or the body skipped.</summary>
    public const string NestingTooDeep = "nesting-too-deep";

    /// <summary>Markdig could not parse the body at all; only the front matter was kept.</summary>
    public const string MarkdownError = "markdown-error";

    /// <summary>The file is larger than <c>Bot:Digests:MaxFileBytes</c> allows; it was not parsed.</summary>
    public const string FileTooLarge = "file-too-large";

    /// <summary>An entry cites more references than the limit; the rest were dropped.</summary>
    public const string ReferencesCut = "references-cut";

    /// <summary>A paragraph has a shape that makes Markdown parsing super-linear; it was read as plain text.</summary>
    public const string MarkdownDegraded = "markdown-degraded";

    /// <summary>More warnings of one code than the limit; the rest are only counted.</summary>
    public const string WarningsCut = "warnings-cut";
}
