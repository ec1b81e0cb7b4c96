namespace Bot.Core.Text;

/// <summary>The neutral parts of link markup: a safe URL and a link's text. Each adapter writes its own markup around them.</summary>
public static class LinkMarkup
{
    /// <summary>Longest link text: a link is never cut, so its text is shortened before it is built.</summary>
    public const int MaxTextLength = 300;

    /// <summary>The URL when it is absolute http(s), with <paramref name="unsafeChars"/> percent-encoded; else null.</summary>
    public static string? SafeUrl(string? url, string unsafeChars = "()<>[]| \"`")
    {
        ArgumentNullException.ThrowIfNull(unsafeChars);
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var text = url.Trim();
        if (text.AsSpan().IndexOfAny(unsafeChars) < 0 && !text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (unsafeChars.Contains(c, StringComparison.Ordinal) || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A link's text: <paramref name="text"/> on one line and shortened, or the URL's host when there is no text.</summary>
    public static string Label(string? text, string? url)
        => string.IsNullOrWhiteSpace(text) ? HostOf(url) : TextTruncator.Truncate(text.ReplaceLineEndings(" "), MaxTextLength);

    private static string HostOf(string? url)
        => url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "link";
}
