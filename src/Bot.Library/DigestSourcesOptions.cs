using Bot.Library.Sources;

namespace Bot.Library;

/// <summary><c>Bot:Digests</c>: sources to ingest and the public URL template.</summary>
public sealed class DigestSourcesOptions
{
    /// <summary>Folders (searched recursively for *.md and *.markdown), files, and http(s) URLs: raw Markdown, an RSS 2.0 or Atom feed, or a post page.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>Public URL template of a digest, e.g. <c>https://example.blog/posts/{slug}/</c>; also accepts <c>{id}</c>.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How often the host rescans every source, to catch what the file watcher misses.</summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether the host ingests and watches the sources (the <c>serve</c> verb); CLI verbs never watch.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long the watcher waits for a burst of file changes to settle before re-ingesting.</summary>
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Per-URL poll intervals, e.g. <c>{ "Url": "https://blog.example/feed.xml", "PollInterval": "00:10:00" }</c>; others use <see cref="PollInterval"/>.</summary>
    public List<WebSourceSchedule> Schedules { get; set; } = [];

    /// <summary>How often the host polls a feed or page URL (errors back off from this, and a <c>Retry-After</c> is honoured).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Largest body read from a URL or file (after decompression); larger ones are refused, not truncated.</summary>
    public long MaxSourceBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Deadline for one whole request, body included: a slow or endless body is cut here.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Redirects followed per request (http and https only).</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Most feed items read in one poll (the newest first); the rest wait for later polls.</summary>
    public int MaxFeedItems { get; set; } = 100;

    /// <summary>Follow URLs on loopback and private networks (tests, intranet blogs); off by default.</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Follow symbolic links that lead out of a source folder; off by default.</summary>
    public bool FollowLinksOutsideSource { get; set; }

    /// <summary>The User-Agent sent to publishers, so they can tell who polls them.</summary>
    public string UserAgent { get; set; } = "BotDigestFollower/1.0 (+self-hosted newsletter bot; polls feeds politely)";
}
