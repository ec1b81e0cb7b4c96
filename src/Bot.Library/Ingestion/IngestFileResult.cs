using Bot.Digests.Model;


namespace Bot.Library.Ingestion;

/// <summary>The outcome for one source file or URL.</summary>
/// <param name="Kind">What the source was: <c>file</c>, <c>markdown</c>, <c>html</c>, <c>rss</c>, <c>atom</c>, or <c>post</c> (one feed item).</param>
public sealed record IngestFileResult(string Source, IngestOutcome Outcome, string? DigestId, IReadOnlyList<ParseWarning> Warnings, string? Error, string? Kind = null);
