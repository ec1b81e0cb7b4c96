using System.Globalization;

namespace Bot.Core.Posting;

/// <summary>
/// Per-subscription posting choices that travel with the target string as a <c>?key=value&amp;…</c> suffix (so the
/// stored subscription keeps them without a schema change): forum tags, crosspost, silent, webhook identity.
/// </summary>
/// <param name="AppliedTags">Forum tag ids for each new forum post (<c>applied_tags</c>).</param>
/// <param name="Crosspost">Publish each post to the announcement channel's followers.</param>
/// <param name="Silent">Send with SUPPRESS_NOTIFICATIONS (no push or desktop notification).</param>
/// <param name="Username">The name a webhook posts under.</param>
/// <param name="AvatarUrl">The avatar a webhook posts with.</param>
public sealed record PostTargetOptions(IReadOnlyList<string> AppliedTags, bool Crosspost = false, bool Silent = false, string? Username = null, string? AvatarUrl = null)
{
    /// <summary>No choices: what every target had before.</summary>
    public static readonly PostTargetOptions None = new([]);

    /// <summary>True when nothing is set.</summary>
    public bool IsEmpty => AppliedTags.Count == 0 && !Crosspost && !Silent && Username is null && AvatarUrl is null;

    /// <summary>The suffix, without the <c>?</c>; empty when nothing is set.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        if (AppliedTags.Count > 0)
        {
            parts.Add("tags=" + string.Join(',', AppliedTags.Select(Uri.EscapeDataString)));
        }

        if (Crosspost)
        {
            parts.Add("crosspost=true");
        }

        if (Silent)
        {
            parts.Add("silent=true");
        }

        if (Username is not null)
        {
            parts.Add("username=" + Uri.EscapeDataString(Username));
        }

        if (AvatarUrl is not null)
        {
            parts.Add("avatar=" + Uri.EscapeDataString(AvatarUrl));
        }

        return string.Join('&', parts);
    }

    /// <summary>Reads a suffix written by <see cref="ToQuery"/>.</summary>
    public static bool TryParse(string query, out PostTargetOptions options, out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        options = None;
        error = null;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.IndexOf('=', StringComparison.Ordinal) is var at and >= 0 ? (pair[..at], Uri.UnescapeDataString(pair[(at + 1)..])) : (pair, string.Empty);
            switch (key)
            {
                case "tags":
                    options = options with { AppliedTags = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] };
                    break;
                case "crosspost" or "silent" when bool.TryParse(value, out var on):
                    options = key == "crosspost" ? options with { Crosspost = on } : options with { Silent = on };
                    break;
                case "username" when value.Length > 0:
                    options = options with { Username = value };
                    break;
                case "avatar" when value.Length > 0:
                    options = options with { AvatarUrl = value };
                    break;
                default:
                    error = string.Create(CultureInfo.InvariantCulture, $"'{key}' is not a target option; use tags, crosspost, silent, username or avatar");
                    return false;
            }
        }

        return true;
    }
}
