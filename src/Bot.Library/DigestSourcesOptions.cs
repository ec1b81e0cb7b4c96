namespace Bot.Library;

/// <summary><c>Bot:Digests</c>: sources to ingest and the public URL template.</summary>
public sealed class DigestSourcesOptions
{
    /// <summary>Folders (searched recursively for *.md and *.markdown), files, and http(s) URLs of raw Markdown.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>Public URL template of a digest, e.g. <c>https://example.blog/posts/{slug}/</c>; also accepts <c>{id}</c>.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How often the host rescans every source, to catch what the file watcher misses.</summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether the host ingests and watches the sources (the <c>serve</c> verb); CLI verbs never watch.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long the watcher waits for a burst of file changes to settle before re-ingesting.</summary>
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromSeconds(1);
}
