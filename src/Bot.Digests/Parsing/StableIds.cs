using System.Globalization;
using System.Text;

namespace Bot.Digests.Parsing;

/// <summary>Ids that are the same on every machine and every re-parse (FNV-1a, never <c>string.GetHashCode</c>).</summary>
internal static class StableIds
{
    /// <summary>Digest id: the dated file stem when there is one, else date + ASCII slug of the title + hash.</summary>
    public static string ForDigest(string? fileName, DateOnly? date, string title)
    {
        if (fileName is not null && DateReader.FromFileName(fileName) is not null)
        {
            return Path.GetFileNameWithoutExtension(fileName);
        }

        var datePart = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
        var seed = title.Length > 0 ? title : fileName ?? string.Empty;
        var slug = AsciiSlug(seed, 32);
        var hash = Hash(Normalise(seed))[..8];
        return slug.Length > 0 ? $"{datePart}-{slug}-{hash}" : $"{datePart}-{hash}";
    }

    /// <summary>Entry id: digest id, section key and a short hash of the normalised title.</summary>
    public static string ForEntry(string digestId, string sectionKey, string title)
    {
        var key = sectionKey.Length > 24 ? sectionKey[..24].TrimEnd('-') : sectionKey;
        return $"{digestId}/{key}/{Hash(Normalise(title))[..8]}";
    }

    /// <summary>Lowercased, whitespace-collapsed, NFC text.</summary>
    public static string Normalise(string text) =>
        SectionKeys.CollapseWhitespace(text.Normalize(NormalizationForm.FormC)).ToLowerInvariant();

    /// <summary>64-bit FNV-1a of the UTF-16 code units, as 16 lowercase hex digits.</summary>
    public static string Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    private static string AsciiSlug(string text, int max)
    {
        var slug = new StringBuilder();
        var pendingDash = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && slug.Length > 0)
                {
                    slug.Append('-');
                }

                pendingDash = false;
                slug.Append(char.ToLowerInvariant(c));
                if (slug.Length >= max)
                {
                    break;
                }
            }
            else
            {
                pendingDash = true;
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
