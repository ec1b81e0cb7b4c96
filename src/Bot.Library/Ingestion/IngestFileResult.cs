using Bot.Digests;

namespace Bot.Library;

/// <summary>The outcome for one source file or URL.</summary>
public sealed record IngestFileResult(string Source, IngestOutcome Outcome, string? DigestId, IReadOnlyList<ParseWarning> Warnings, string? Error);
