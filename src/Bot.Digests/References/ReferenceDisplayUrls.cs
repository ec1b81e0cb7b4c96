using System.Text;

namespace Bot.Digests.References;

/// <summary>
/// The link a reader gets: the publisher's URL as written, minus tracking parameters only. The canonical URL
/// (<see cref="ReferenceUrls.Analyze"/>) folds scheme, host, path and fragment to recognise the same reference across
/// digests; shown to a reader it would drop <c>#install</c> or turn <c>https://example.com/#/article/123</c> into the
/// home page.
/// </summary>
public static class ReferenceDisplayUrls
{
    /// <summary><paramref name="url"/> trimmed, with <c>utm_*</c>-style parameters removed; fragment and everything else kept.</summary>
    public static string ForReader(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = url.Trim();
        if (!trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed;
        }

        var hash = trimmed.IndexOf('#', StringComparison.Ordinal);
        var beforeFragment = hash < 0 ? trimmed : trimmed[..hash];
        var fragment = hash < 0 ? string.Empty : trimmed[hash..];
        var question = beforeFragment.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return trimmed;
        }

        var kept = new StringBuilder();
        foreach (var pair in beforeFragment[(question + 1)..].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            if (pair.Length == 0 || ReferenceUrls.IsTrackingParameter(Uri.UnescapeDataString(name)))
            {
                continue;
            }

            kept.Append(kept.Length == 0 ? '?' : '&').Append(pair);
        }

        return string.Concat(beforeFragment.AsSpan(0, question), kept.ToString(), fragment);
    }
}
