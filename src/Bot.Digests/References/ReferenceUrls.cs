using System.Text;
using System.Text.RegularExpressions;
using Bot.Digests.Model;

namespace Bot.Digests.References;

/// <summary>
/// Canonicalises reference URLs so the same paper or page matches across digests: tracking parameters
/// removed, arXiv <c>abs</c>/<c>pdf</c>/version folded to <c>https://arxiv.org/abs/&lt;id&gt;</c>, DOIs
/// (doi.org, nature.com, <c>/doi/10.…</c> paths) folded to <c>https://doi.org/&lt;doi&gt;</c>.
/// </summary>
public static partial class ReferenceUrls
{
    private static readonly System.Buffers.SearchValues<char> SimpleUrlChars = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%");

    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "_hsenc", "_hsmi", "ref", "ref_src", "ref_url", "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
        "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "_gl", "mkt_tok", "trk", "trkcampaign", "sr_share", "spm",
    };

    private static readonly HashSet<string> PaperHosts = new(StringComparer.Ordinal)
    {
        "openreview.net", "aclanthology.org", "proceedings.neurips.cc", "papers.nips.cc", "proceedings.mlr.press",
        "papers.ssrn.com", "biorxiv.org", "medrxiv.org", "semanticscholar.org", "ieeexplore.ieee.org", "dl.acm.org",
        "pubmed.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov", "thelancet.com", "cell.com", "science.org", "jmlr.org",
        "openaccess.thecvf.com", "researchgate.net", "nature.com", "link.springer.com", "sciencedirect.com", "pnas.org",
    };

    private static readonly HashSet<string> CodeHosts = new(StringComparer.Ordinal)
    {
        "github.com", "gist.github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "sourceforge.net",
        "colab.research.google.com", "huggingface.co", "pypi.org", "npmjs.com", "crates.io", "nuget.org",
    };

    private static readonly HashSet<string> VideoHosts = new(StringComparer.Ordinal)
    {
        "youtube.com", "youtu.be", "youtube-nocookie.com", "vimeo.com", "twitch.tv", "dailymotion.com", "bilibili.com", "loom.com",
    };

    private static readonly string[] YouTubePathPrefixes = ["/shorts/", "/embed/", "/live/", "/v/"];

    /// <summary>Canonical URL, kind, arXiv id and DOI of <paramref name="url"/>. Never throws for bad input.</summary>
    public static ReferenceUrlInfo Analyze(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = url.Trim();
        return TryAnalyzeCanonical(trimmed) ?? AnalyzeTrimmed(trimmed);
    }

    /// <summary>The general path of <see cref="Analyze"/> (tests compare the shortcut with it).</summary>
    internal static ReferenceUrlInfo AnalyzeTrimmed(string trimmed)
    {
        if (!TrySplit(trimmed, out var host, out var port, out var path, out var query))
        {
            return new ReferenceUrlInfo(trimmed, trimmed.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? ReferenceKind.Paper : ReferenceKind.Article, null, null);
        }

        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;

        var arxivId = FindArxivId(host, path);
        var doi = arxivId is null ? FindDoi(host, path) : null;
        if (doi is not null && doi.StartsWith("10.48550/arxiv.", StringComparison.Ordinal))
        {
            arxivId = doi["10.48550/arxiv.".Length..];
            doi = null;
        }

        if (arxivId is not null)
        {
            return new ReferenceUrlInfo($"https://arxiv.org/abs/{arxivId}", ReferenceKind.Paper, arxivId, null);
        }

        if (doi is not null)
        {
            return new ReferenceUrlInfo($"https://doi.org/{doi}", ReferenceKind.Paper, null, doi);
        }

        var siteHost = host.StartsWith("m.", StringComparison.Ordinal) || host.StartsWith("music.", StringComparison.Ordinal) ? host[(host.IndexOf('.', StringComparison.Ordinal) + 1)..] : host;
        var videoId = siteHost is "youtube.com" or "youtu.be" or "youtube-nocookie.com" ? FindYouTubeId(siteHost, path, query) : null;
        if (videoId is not null)
        {
            return new ReferenceUrlInfo($"https://youtube.com/watch?v={videoId}", ReferenceKind.Video, null, null);
        }

        var canonicalPath = path.Length > 1 ? path.TrimEnd('/') : string.Empty;
        var canonical = string.Concat("https://", host, port, canonicalPath, FilterQuery(query));
        return new ReferenceUrlInfo(canonical, KindOf(siteHost, path), null, null);
    }

    /// <summary>
    /// The usual link: lowercase <c>https://</c>, a plain lowercase host without a port, no fragment, no <c>%</c> in the
    /// path and no tracking parameter, on a host with no folding rule (arXiv, DOI, YouTube). Its canonical form is the URL
    /// without <c>www.</c>, a trailing slash or a bare <c>?</c>, most often the URL itself, so it is checked and cut in
    /// place instead of being split into strings and put back together. Null for anything else, which
    /// <see cref="AnalyzeTrimmed"/> handles.
    /// </summary>
    internal static ReferenceUrlInfo? TryAnalyzeCanonical(string trimmed)
    {
        const string Scheme = "https://";
        if (!trimmed.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = trimmed.AsSpan(Scheme.Length);
        if (rest.IsEmpty || rest.ContainsAnyExcept(SimpleUrlChars) || rest.Contains("/.", StringComparison.Ordinal) || rest.Contains('#'))
        {
            return null;
        }

        var authorityEnd = rest.IndexOfAny('/', '?');
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        if (authority.ContainsAny('@', ':') || authority.ContainsAnyInRange('A', 'Z'))
        {
            return null;
        }

        // As the general path does: "www." comes off when the URL is split, and once more when the host is read.
        var host = authority.StartsWith("www.", StringComparison.Ordinal) ? authority[4..] : authority;
        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        var tail = authorityEnd < 0 ? ReadOnlySpan<char>.Empty : rest[authorityEnd..];
        var queryStart = tail.IndexOf('?');
        var path = queryStart < 0 ? tail : tail[..queryStart];
        var query = queryStart < 0 ? ReadOnlySpan<char>.Empty : tail[queryStart..];
        if (host.IsEmpty || path.Contains('%') || (query.Length > 1 && HasTrackingParameter(query[1..])))
        {
            return null;
        }

        var siteHost = host.StartsWith("m.", StringComparison.Ordinal) || host.StartsWith("music.", StringComparison.Ordinal) ? host[(host.IndexOf('.') + 1)..] : host;
        if (HasFoldingRule(host, siteHost, path))
        {
            return null;
        }

        var canonicalPath = path.Length > 1 ? path.TrimEnd('/') : ReadOnlySpan<char>.Empty;
        var canonicalQuery = query.Length > 1 ? query : ReadOnlySpan<char>.Empty;
        var unchanged = host.Length == authority.Length && canonicalPath.Length == path.Length && canonicalQuery.Length == query.Length;
        var canonical = unchanged ? trimmed : string.Concat(Scheme, host, canonicalPath, canonicalQuery);
        return new ReferenceUrlInfo(canonical, KindOf(siteHost, path.IsEmpty ? "/" : path), null, null);
    }

    // The hosts and paths whose canonical form is not the URL itself (see FindArxivId, FindDoi, FindYouTubeId).
    private static bool HasFoldingRule(ReadOnlySpan<char> host, ReadOnlySpan<char> siteHost, ReadOnlySpan<char> path) =>
        host is "arxiv.org" or "export.arxiv.org" or "browse.arxiv.org" or "alphaxiv.org" or "doi.org" or "dx.doi.org" or "nature.com"
        || (host is "huggingface.co" && path.StartsWith("/papers/", StringComparison.Ordinal))
        || siteHost is "youtube.com" or "youtu.be" or "youtube-nocookie.com"
        || path.Contains("/doi/", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Splits an absolute http(s) URL into lowercased host, <c>:port</c> (empty when default), escaped path and query.
    /// Plain ASCII URLs are split by hand (a <see cref="Uri"/> per reference costs more than the rest of the work);
    /// anything unusual goes through <see cref="Uri"/>, which escapes and normalises it.
    /// </summary>
    private static bool TrySplit(string url, out string host, out string port, out string path, out string query)
    {
        host = port = path = query = string.Empty;
        var schemeLength = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8 : url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7 : 0;
        if (schemeLength == 0)
        {
            return false;
        }

        var rest = url.AsSpan(schemeLength);
        var plain = rest.Length > 0 && !rest.ContainsAnyExcept(SimpleUrlChars) && !rest.Contains("/.", StringComparison.Ordinal);
        var authorityEnd = rest.IndexOfAny('/', '?', '#');
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        if (plain && authority.Length > 0 && !authority.Contains('@') && !authority.Contains(':'))
        {
            var tail = authorityEnd < 0 ? ReadOnlySpan<char>.Empty : rest[authorityEnd..];
            var fragment = tail.IndexOf('#');
            tail = fragment < 0 ? tail : tail[..fragment];
            var queryStart = tail.IndexOf('?');
            var pathSpan = queryStart < 0 ? tail : tail[..queryStart];
            if (!pathSpan.Contains('%'))
            {
                var bare = authority.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? authority[4..] : authority;
                host = bare.ContainsAnyInRange('A', 'Z') ? bare.ToString().ToLowerInvariant() : bare.ToString();
                path = pathSpan.Length == 0 ? "/" : pathSpan.ToString();
                query = queryStart < 0 || queryStart == tail.Length - 1 ? string.Empty : tail[queryStart..].ToString();
                return true;
            }
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        host = uri.Host.ToLowerInvariant();
        port = uri.IsDefaultPort ? string.Empty : string.Create(System.Globalization.CultureInfo.InvariantCulture, $":{uri.Port}");
        path = uri.AbsolutePath;
        query = uri.Query;
        return true;
    }

    /// <summary>True for query parameter names that only track clicks (<c>utm_*</c>, <c>_hsenc</c>, <c>ref</c>, …).</summary>
    public static bool IsTrackingParameter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
    }

    private static ReferenceKind KindOf(ReadOnlySpan<char> host, ReadOnlySpan<char> path)
    {
        if (VideoHosts.GetAlternateLookup<ReadOnlySpan<char>>().Contains(host))
        {
            return ReferenceKind.Video;
        }

        if (path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || PaperHosts.GetAlternateLookup<ReadOnlySpan<char>>().Contains(host))
        {
            return ReferenceKind.Paper;
        }

        return CodeHosts.GetAlternateLookup<ReadOnlySpan<char>>().Contains(host) ? ReferenceKind.Code : ReferenceKind.Article;
    }

    private static string? FindArxivId(string host, string path)
    {
        var isArxiv = host is "arxiv.org" or "export.arxiv.org" or "browse.arxiv.org" or "alphaxiv.org";
        var isHfPapers = host == "huggingface.co" && path.StartsWith("/papers/", StringComparison.Ordinal);
        if (!isArxiv && !isHfPapers)
        {
            return null;
        }

        return ArxivPath().IsMatch(path) ? ArxivIdOfMatchingPath(path) : null;
    }

    // The regex's id group without a Match object: a matching path is /<kind>/<id>[vN][.pdf][/], and no id ends
    // in a version, ".pdf" or '/', so stripping those from the end leaves exactly the id.
    private static string ArxivIdOfMatchingPath(string path)
    {
        var id = path.AsSpan(path.IndexOf('/', 1) + 1);
        id = id.EndsWith('/') ? id[..^1] : id;
        id = id.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? id[..^4] : id;
        var digits = id.Length - id.TrimEnd("0123456789").Length;
        if (digits > 0 && id.Length > digits && id[^(digits + 1)] is 'v' or 'V')
        {
            id = id[..^(digits + 1)];
        }

        return id.ToString();
    }

    private static string? FindDoi(string host, string path)
    {
        string? doi = null;
        if (host is "doi.org" or "dx.doi.org")
        {
            doi = path.Length > 1 ? Uri.UnescapeDataString(path[1..]) : null;
        }
        else if (host == "nature.com" && path.StartsWith("/articles/", StringComparison.Ordinal))
        {
            var id = path["/articles/".Length..].TrimEnd('/');
            id = id.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? id[..^4] : id;
            doi = id.Length > 0 && !id.Contains('/', StringComparison.Ordinal) ? "10.1038/" + id : null;
        }
        else
        {
            var match = path.Contains("/doi/", StringComparison.OrdinalIgnoreCase) ? DoiPath().Match(path) : Match.Empty;
            doi = match.Success ? Uri.UnescapeDataString(match.Groups["doi"].Value) : null;
        }

        if (doi is null || !doi.StartsWith("10.", StringComparison.Ordinal) || !doi.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        return doi.TrimEnd('/').ToLowerInvariant();
    }

    private static string? FindYouTubeId(string host, string path, string query)
    {
        if (host == "youtu.be")
        {
            var id = path.Trim('/');
            return IsVideoId(id) ? id : null;
        }

        foreach (var prefix in YouTubePathPrefixes)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                var id = path[prefix.Length..].Trim('/');
                return IsVideoId(id) ? id : null;
            }
        }

        if (path == "/watch")
        {
            foreach (var pair in query.TrimStart('?').Split('&'))
            {
                if (pair.StartsWith("v=", StringComparison.Ordinal) && IsVideoId(pair[2..]))
                {
                    return pair[2..];
                }
            }
        }

        return null;
    }

    private static bool IsVideoId(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string FilterQuery(string query)
    {
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        if (!HasTrackingParameter(query.AsSpan(1)))
        {
            return query;
        }

        var kept = new StringBuilder();
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            if (!IsTrackingParameter(name))
            {
                kept.Append(kept.Length == 0 ? '?' : '&').Append(pair);
            }
        }

        return kept.ToString();
    }

    private static bool HasTrackingParameter(ReadOnlySpan<char> query)
    {
        var lookup = TrackingParameters.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            var eq = pair.IndexOf('=');
            var name = eq < 0 ? pair : pair[..eq];
            if (name.Contains('%') || name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || lookup.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^/(?:abs|pdf|html|format|papers)/(?<id>\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[a-z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArxivPath();

    [GeneratedRegex(@"/doi/(?:abs/|full/|pdf/|epdf/|pdfdirect/)?(?<doi>10\.\d{4,9}/[^?#\s]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DoiPath();
}
