using System.Collections.Concurrent;
using Bot.Digests.Model;
using Bot.Library;
using Bot.Library.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Posting;

/// <summary>The scheduler's view of the <see cref="DigestLibrary"/>.</summary>
public sealed partial class LibraryDigestCatalog : IDigestCatalog
{
    private readonly DigestLibrary _library;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, bool> _warnedNoUrl = new(StringComparer.Ordinal);

    public LibraryDigestCatalog(DigestLibrary library)
        : this(library, NullLogger<LibraryDigestCatalog>.Instance)
    {
    }

    public LibraryDigestCatalog(DigestLibrary library, ILogger<LibraryDigestCatalog> logger)
    {
        _library = library;
        _logger = logger;
    }

    public Task<IReadOnlyList<DigestSummary>> ListAsync(CancellationToken ct = default) => _library.ListDigestsAsync(ct);

    public Task<Digest?> GetAsync(string digestId, CancellationToken ct = default) => _library.GetDigestAsync(digestId, ct);

    public string? PublicUrl(Digest digest)
    {
        string? url;
        try
        {
            url = _library.PublicUrl(digest);
        }
        catch (NotImplementedException)
        {
            return null;
        }

        // Posts still go out without the link; the operator hears once per digest why it is missing, not once per section.
        if (url is null && _warnedNoUrl.TryAdd(digest.Id, true))
        {
            LogNoPublicUrl(_logger, digest.Id);
        }

        return url;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {DigestId} has no public URL, so its posts carry no 'read the full digest' link: give it an absolute permalink in its front matter, ingest it from its feed or page, or set Bot:Digests:PublicUrl (e.g. https://your.blog/posts/{{slug}}/)")]
    private static partial void LogNoPublicUrl(ILogger logger, string digestId);
}
