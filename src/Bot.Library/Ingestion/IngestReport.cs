namespace Bot.Library.Ingestion;

/// <summary>What one ingestion run did: per-file outcomes and the totals the <c>ingest</c> verb prints.</summary>
public sealed record IngestReport(IReadOnlyList<IngestFileResult> Files)
{
    /// <summary>Files whose digest was new.</summary>
    public int Added => Files.Count(f => f.Outcome == IngestOutcome.Added);

    /// <summary>Files whose digest changed and was updated in place.</summary>
    public int Updated => Files.Count(f => f.Outcome == IngestOutcome.Updated);

    /// <summary>Files whose content was already stored.</summary>
    public int Unchanged => Files.Count(f => f.Outcome == IngestOutcome.Unchanged);

    /// <summary>Files that could not be read or parsed; nothing stored was altered for them.</summary>
    public int Failed => Files.Count(f => f.Outcome == IngestOutcome.Failed);

    /// <summary>Folder entries left out on purpose (link loops, outward links, special files), each with a warning.</summary>
    public int Skipped => Files.Count(f => f.Outcome == IngestOutcome.Skipped);
}
