namespace Bot.Library;

/// <summary>Progress of an ingestion run, for the progress bar.</summary>
public sealed record IngestProgress(int Done, int Total, string Current);
