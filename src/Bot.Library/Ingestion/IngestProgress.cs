namespace Bot.Library.Ingestion;

/// <summary>Progress of an ingestion run, for the progress bar.</summary>
public sealed record IngestProgress(int Done, int Total, string Current)
{
    /// <summary>What the current source turned out to be (<c>rss</c>, <c>atom</c>, <c>html</c>…), when known.</summary>
    public string? Kind { get; init; }
}
