using Bot.Digests.Model;


namespace Bot.Core.Highlights;

/// <summary>Finds the section a user or subscription names: by key, by title, then by key prefix or part.</summary>
public static class SectionMatcher
{
    /// <summary>The best-matching section of <paramref name="digest"/>, or null.</summary>
    public static Section? Find(Digest digest, string? text)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var wanted = Normalise(text);
        if (wanted.Length == 0)
        {
            return null;
        }

        return digest.Sections.FirstOrDefault(s => s.Key.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            ?? digest.Sections.FirstOrDefault(s => Normalise(s.Title).Equals(wanted, StringComparison.OrdinalIgnoreCase))
            ?? digest.Sections.FirstOrDefault(s => s.Key.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
            ?? digest.Sections.FirstOrDefault(s => s.Key.Contains(wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Folds text the way section keys are made: lowercase, runs of other characters to <c>-</c>.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
