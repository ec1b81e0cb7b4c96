using Bot.Digests.Html;
using Bot.Digests.Model;
using Bot.Library.Sources;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Ingestion;

/// <summary>
/// Reads one http(s) source: decides its kind from the response, then gives one prepared digest for a Markdown URL
/// or a post page, and one per new or changed item for a feed (inline body when whole, else the post page), with
/// conditional GETs everywhere and the poll schedule (interval, backoff, Retry-After) recorded after the write.
/// </summary>
internal sealed class WebSourceReader
{
    private const string Accept = "application/atom+xml, application/rss+xml;q=0.95, text/html;q=0.9, text/markdown;q=0.9, application/xml;q=0.8, text/plain;q=0.7, */*;q=0.5";
    private readonly WebFetcher _fetcher;
    private readonly DigestSourcesOptions _options;
    private readonly Func<string, string?, Digest> _parseMarkdown;
    private readonly HtmlDigestParser _html = new();
    private readonly TimeProvider _time;

    public WebSourceReader(WebFetcher fetcher, DigestSourcesOptions options, Func<string, string?, Digest> parseMarkdown, TimeProvider time)
    {
        _fetcher = fetcher;
        _options = options;
        _parseMarkdown = parseMarkdown;
        _time = time;
    }

    public async Task<List<PreparedSource>> ReadAsync(SourceReader.Item item, WebSourceState state, (string? ETag, string? LastModified)? pageValidators, bool respectSchedule, CancellationToken ct)
    {
        var url = item.Source;
        var now = _time.GetUtcNow();
        if (respectSchedule && state.NextPollAt is { } due && due > now)
        {
            return [new PreparedSource(item, null, null, null, null) { Unchanged = true, Kind = state.Kind }];
        }

        var uri = new Uri(url);
        var feedKnown = state.Kind is SourceKinds.Rss or SourceKinds.Atom;
        var validators = feedKnown ? (state.ETag, state.LastModified) : pageValidators ?? default;
        var fetched = await _fetcher.GetAsync(uri, validators.Item1, validators.Item2, Accept, ct).ConfigureAwait(false);
        if (fetched.Error is not null)
        {
            return [Failed(item, state, fetched.Error, fetched.RetryAfter)];
        }

        if (fetched.NotModified)
        {
            return [new PreparedSource(item, new SourceReader.Content(null, FileName(uri), true, null, null, null), null, null, null)
            {
                Kind = state.Kind, Unchanged = true, DigestId = feedKnown ? null : null,
                AfterStore = (c, _) => SavePoll(c, url, state.Kind ?? SourceKinds.Markdown, state.ETag, state.LastModified, 0, null),
            }];
        }

        if (SourceKinds.RefusedType(fetched.ContentType) is { } refused)
        {
            return [Failed(item, state, $"{SourceReader.Redact(url)}: {refused}", null)];
        }

        var (text, _, decodeError) = TextDecoder.Decode(fetched.Body, fetched.Charset);
        if (text is null)
        {
            return [Failed(item, state, $"{SourceReader.Redact(url)}: {decodeError}", null)];
        }

        var (kind, kindError) = SourceKinds.Detect(fetched.ContentType, text);
        if (kind is null)
        {
            return [Failed(item, state, $"{SourceReader.Redact(url)}: {kindError}", null)];
        }

        if (kind is SourceKinds.Rss or SourceKinds.Atom)
        {
            return await ReadFeedAsync(item, state, fetched, text, ct).ConfigureAwait(false);
        }

        var content = new SourceReader.Content(text, FileName(uri), false, fetched.ETag, fetched.LastModified, null);
        var digest = kind == SourceKinds.Html ? _html.Parse(text, fetched.Url) : _parseMarkdown(text, content.FileName);
        return [new PreparedSource(item, content, digest, DigestIngestor.Hash(text, content.FileName), null)
        {
            Rows = EntryRows.For(digest), Kind = kind,
            AfterStore = (c, result) => SavePoll(c, url, kind, null, null, result.Outcome == IngestOutcome.Failed ? state.Failures + 1 : 0, result.Error),
        }];
    }

    private async Task<List<PreparedSource>> ReadFeedAsync(SourceReader.Item item, WebSourceState state, FetchResult fetched, string text, CancellationToken ct)
    {
        var url = item.Source;
        FeedDocument feed;
        try
        {
            feed = FeedParser.Parse(text, fetched.Url, Math.Max(1, _options.MaxFeedItems));
        }
        catch (System.Xml.XmlException ex)
        {
            return [Failed(item, state, $"{SourceReader.Redact(url)} is malformed XML: {ex.Message.ReplaceLineEndings(" ")}", null)];
        }

        var results = new List<PreparedSource>();
        var round = new FeedRound();
        foreach (var entry in feed.Items)
        {
            state.Items.TryGetValue(entry.Id, out var known);
            var prepared = await ReadItemAsync(url, entry, known, round, ct).ConfigureAwait(false);
            if (prepared is not null)
            {
                results.Add(prepared);
            }
        }

        var warnings = new List<ParseWarning>();
        if (feed.Skipped > 0)
        {
            warnings.Add(new ParseWarning("feed-truncated", $"The feed has {feed.Items.Count + feed.Skipped} items; the {feed.Items.Count} newest were read (Bot:Digests:MaxFeedItems).", 0));
        }

        results.Add(new PreparedSource(item, null, null, null, null)
        {
            Kind = feed.Kind, Unchanged = true, SourceWarnings = warnings,
            AfterStore = (c, _) =>
            {
                // Keep the feed's validators only when every item got through, or a 304 would hide the failed ones.
                var clean = !round.AnyFailed;
                SavePoll(c, url, feed.Kind, clean ? fetched.ETag : null, clean ? fetched.LastModified : null, 0, null);
            },
        });
        return results;
    }

    private async Task<PreparedSource?> ReadItemAsync(string feedUrl, FeedItem entry, WebSourceState.Item? known, FeedRound round, CancellationToken ct)
    {
        var source = entry.Link ?? entry.ContentSource ?? $"{feedUrl}#{entry.Id}";
        var itemSource = new SourceReader.Item(source, false);
        var hints = new HtmlPostHints(entry.Title, entry.Published ?? entry.Updated, entry.Categories, entry.Link ?? entry.ContentSource);
        var connectionFree = known?.DigestId;
        if (entry.Html is not null && (entry.HtmlIsFullBody || (entry.ContentSource ?? entry.Link) is null))
        {
            var hash = DigestIngestor.Hash(entry.Html + "\n" + entry.Title + "\n" + WebSourceState.Stamp(entry.Published), source);
            if (known?.ContentHash == hash && connectionFree is not null)
            {
                return null;
            }

            var digest = _html.Parse(entry.Html, null, hints, fragment: true);
            return ItemResult(feedUrl, entry, itemSource, digest, hash, null, round);
        }

        var page = entry.ContentSource ?? entry.Link!;
        var updated = WebSourceState.Stamp(entry.Updated ?? entry.Published);
        if (known is not null && updated is not null && known.Updated == updated && known.DigestId is not null)
        {
            // Same "updated" as when it was read: the post is unchanged and costs no request.
            return null;
        }

        var fetched = await _fetcher.GetAsync(new Uri(page), known?.PageETag, known?.PageLastModified, "text/html, application/xhtml+xml;q=0.9, */*;q=0.5", ct).ConfigureAwait(false);
        if (fetched.Error is not null)
        {
            round.AnyFailed = true;
            return new PreparedSource(itemSource, null, null, null, fetched.Error) { Kind = SourceKinds.Post };
        }

        if (fetched.NotModified)
        {
            return new PreparedSource(itemSource, null, null, null, null)
            {
                Kind = SourceKinds.Post, Unchanged = true, DigestId = known?.DigestId,
                AfterStore = (c, _) => WebSourceState.SaveItem(c, feedUrl, entry, null, null, null, null, _time.GetUtcNow()),
            };
        }

        var (text, _, decodeError) = TextDecoder.Decode(fetched.Body, fetched.Charset);
        var (kind, kindError) = text is null ? (null, decodeError) : SourceKinds.Detect(fetched.ContentType, text);
        if (kind is not (SourceKinds.Html or SourceKinds.Markdown))
        {
            round.AnyFailed = true;
            return new PreparedSource(itemSource, null, null, null, $"{SourceReader.Redact(page)}: {kindError ?? "a feed item must link to a post page"}") { Kind = SourceKinds.Post };
        }

        var parsed = kind == SourceKinds.Html ? _html.Parse(text!, fetched.Url, hints) : _parseMarkdown(text!, FileName(fetched.Url));
        return ItemResult(feedUrl, entry, itemSource, parsed, DigestIngestor.Hash(text!, page), fetched, round);
    }

    private PreparedSource ItemResult(string feedUrl, FeedItem entry, SourceReader.Item itemSource, Digest digest, string hash, FetchResult? page, FeedRound round)
        => new(itemSource, null, digest, hash, null)
        {
            Rows = EntryRows.For(digest), Kind = SourceKinds.Post,
            AfterStore = (c, result) =>
            {
                if (result.Outcome == IngestOutcome.Failed)
                {
                    round.AnyFailed = true;
                    return;
                }

                WebSourceState.SaveItem(c, feedUrl, entry, hash, result.DigestId, page?.ETag, page?.LastModified, _time.GetUtcNow());
            },
        };

    private PreparedSource Failed(SourceReader.Item item, WebSourceState state, string error, TimeSpan? retryAfter)
        => new(item, null, null, null, error)
        {
            Kind = state.Kind,
            AfterStore = (c, _) =>
            {
                var failures = state.Failures + 1;
                var interval = IntervalOf(item.Source);
                var backoff = TimeSpan.FromTicks(Math.Min(interval.Ticks * (1L << Math.Min(failures, 6)), TimeSpan.FromHours(24).Ticks));
                var wait = retryAfter is { } after ? TimeSpan.FromTicks(Math.Clamp(after.Ticks, 0, TimeSpan.FromHours(24).Ticks)) : backoff;
                WebSourceState.SavePoll(c, item.Source, state.Kind ?? "unknown", state.ETag, state.LastModified, _time.GetUtcNow() + wait, failures, error, _time.GetUtcNow());
            },
        };

    private void SavePoll(SqliteConnection connection, string url, string kind, string? etag, string? lastModified, int failures, string? error)
    {
        var now = _time.GetUtcNow();
        WebSourceState.SavePoll(connection, url, kind, etag, lastModified, now + IntervalOf(url), failures, error, now);
    }

    private TimeSpan IntervalOf(string url)
        => _options.Schedules.FirstOrDefault(s => string.Equals(s.Url, url, StringComparison.Ordinal))?.PollInterval is { } own && own > TimeSpan.Zero
            ? own
            : _options.PollInterval > TimeSpan.Zero ? _options.PollInterval : TimeSpan.FromMinutes(30);

    private static string FileName(Uri url)
    {
        var last = Uri.UnescapeDataString(url.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        return last.Length > 0 ? last : "digest.md";
    }

    private sealed class FeedRound
    {
        public bool AnyFailed { get; set; }
    }
}
