namespace Bot.Library.Ingestion;

/// <summary>What happened to one source during ingestion.</summary>
public enum IngestOutcome
{
    /// <summary>A new digest was stored.</summary>
    Added,

    /// <summary>A known digest changed and was updated in place, keeping its ids.</summary>
    Updated,

    /// <summary>The content was already stored.</summary>
    Unchanged,

    /// <summary>Reading or parsing failed; nothing stored was touched.</summary>
    Failed,

    /// <summary>A folder entry left out on purpose (a link loop, a link out of the folder, a FIFO or device); see its warning.</summary>
    Skipped,
}
