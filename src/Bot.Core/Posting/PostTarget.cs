namespace Bot.Core.Posting;

/// <summary>
/// Where a subscription posts, parsed from its target string: <c>console</c> or <c>&lt;platform&gt;:channel:&lt;id&gt;</c>,
/// <c>&lt;platform&gt;:webhook:&lt;url&gt;</c>. Which platforms exist is the adapters' to say (<see cref="TargetGrammar"/>).
/// </summary>
/// <param name="Platform"><c>console</c>, or a platform's name in lower case (its <see cref="ISectionPoster.Platform"/>).</param>
/// <param name="Kind"><c>console</c>, <c>channel</c> or <c>webhook</c>.</param>
/// <param name="Value">The channel id or the full webhook URL; empty for console.</param>
public sealed record PostTarget(string Platform, string Kind, string Value)
{
    /// <summary>Forum tags, crosspost, silent and webhook identity, from the target's <c>?…</c> suffix.</summary>
    public PostTargetOptions Options { get; init; } = PostTargetOptions.None;

    /// <summary>The target string to store: kind, value and options, webhook tokens included (never log it).</summary>
    public string ToStorageString()
        => (Kind == "console" ? "console" : $"{Platform}:{Kind}:{Value}") + (Options.IsEmpty ? string.Empty : "?" + Options.ToQuery());

    /// <summary>
    /// Parses the shape of a target string for any platform (a stored target, already checked when it was entered), or
    /// returns false with a message naming the accepted forms. Input is checked with <see cref="TargetGrammar.TryParse"/>.
    /// </summary>
    public static bool TryParse(string? text, out PostTarget? target, out string? error)
        => TryParse(text, (_, _) => true, FormsText(["console", "<platform>:channel:<id>", "<platform>:webhook:<url>"]), out target, out error);

    /// <summary>"a, b or c".</summary>
    internal static string FormsText(IReadOnlyList<string> forms)
        => forms.Count == 1 ? forms[0] : string.Join(", ", forms.Take(forms.Count - 1)) + " or " + forms[^1];

    /// <summary>Parses a target whose platform and kind <paramref name="accepts"/>; the error lists <paramref name="forms"/>.</summary>
    internal static bool TryParse(string? text, Func<string, string, bool> accepts, string forms, out PostTarget? target, out string? error)
    {
        target = null;
        error = null;
        var value = text?.Trim() ?? string.Empty;
        var options = PostTargetOptions.None;
        if (value.IndexOf('?', StringComparison.Ordinal) is var query and >= 0)
        {
            if (!PostTargetOptions.TryParse(value[(query + 1)..], out options, out error))
            {
                error = $"'{Mask(value[..query])}': {error}";
                return false;
            }

            value = value[..query];
        }

        if (value.Equals("console", StringComparison.OrdinalIgnoreCase))
        {
            target = new PostTarget("console", "console", string.Empty);
            return true;
        }

        var parts = value.Split(':', 3);
        if (parts.Length == 3
            && parts[0].Length > 0 && parts[0].All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            && parts[1] is "channel" or "webhook"
            && accepts(parts[0], parts[1])
            && parts[2].Length > 0
            && (parts[1] == "channel"
                ? parts[2].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
                : Uri.TryCreate(parts[2], UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            target = new PostTarget(parts[0], parts[1], parts[2]) { Options = options };
            return true;
        }

        error = $"'{Mask(value)}' is not a target; use {forms}";
        return false;
    }

    /// <summary>The target as text with a webhook's secret path masked, safe for logs.</summary>
    public override string ToString() => Kind == "webhook" ? $"{Platform}:webhook:{Mask(Value)}" : Kind == "console" ? "console" : $"{Platform}:{Kind}:{Value}";

    /// <summary>
    /// Masks a URL's secrets wherever they sit: userinfo, every path segment that could be a token (anything but short words
    /// and numeric ids, so Slack's <c>/services/T/B/secret</c> and Discord's <c>/{id}/{token}/slack</c> both lose the token),
    /// the last segment always, and every query value but <c>wait</c> and <c>thread_id</c>. The fragment is dropped.
    /// </summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            var colon = text.IndexOf("://", StringComparison.Ordinal);
            return colon < 0 ? text : text[..(colon + 3)] + "***";
        }

        var userInfo = uri.UserInfo.Length > 0 ? "***@" : "";
        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var last = segments.Length - 1;
        if (last > 0 && IsFixedWord(segments[last]) && MayBeSecret(segments[last - 1]))
        {
            last--; // a webhook form that ends in a fixed word after its token: the token is the secret, not the word
        }

        var path = string.Join('/', segments.Select((s, i) => i == last || MayBeSecret(s) ? "***" : s));
        var query = uri.Query.Length > 1
            ? "?" + string.Join('&', uri.Query[1..].Split('&').Select(pair =>
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? pair : pair[..eq];
                return name is "wait" or "thread_id" ? pair : $"{name}=***";
            }))
            : "";
        return $"{uri.Scheme}://{userInfo}{uri.Host}{port}/{path}{query}";
    }

    // Some platforms' compatibility webhook forms end in a fixed word after the token (e.g. ".../{token}/github").
    private static bool IsFixedWord(string segment) => segment.Length is > 0 and <= 10 && segment.All(char.IsAsciiLetterLower);

    private static bool MayBeSecret(string segment)
        => segment.Length >= 16 && !segment.All(char.IsAsciiDigit);
}
