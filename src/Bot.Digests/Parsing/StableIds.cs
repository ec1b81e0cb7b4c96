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
        var source = MayNeedNormalising(title) ? title.Normalize(NormalizationForm.FormC) : title;
        var hash = (uint)(NormalisedHash(source) >> 32);

        // string.Create over a span: an interpolated string here rented and dropped a 256-char buffer per entry.
        return string.Create(digestId.Length + key.Length + 10, (digestId, key, hash), static (span, parts) =>
        {
            parts.digestId.CopyTo(span);
            span[parts.digestId.Length] = '/';
            parts.key.CopyTo(span[(parts.digestId.Length + 1)..]);
            span[^9] = '/';
            for (var i = 0; i < 8; i++)
            {
                // Lowercase hex, most significant digit first (what "x8" gives, without its general formatting path).
                span[^(8 - i)] = "0123456789abcdef"[(int)((parts.hash >> (28 - (4 * i))) & 0xF)];
            }
        });
    }

    /// <summary>FNV-1a of <see cref="Normalise"/>(text) without building the normalised string (same value as <see cref="Hash"/>).</summary>
    private static ulong NormalisedHash(string text)
    {
        var hash = 14695981039346656037UL;
        var pendingSpace = false;
        var any = false;
        foreach (var raw in text)
        {
            if (char.IsWhiteSpace(raw))
            {
                pendingSpace = any;
                continue;
            }

            if (pendingSpace)
            {
                hash = (hash ^ ' ') * 1099511628211UL;
                pendingSpace = false;
            }

            var c = raw < 128 ? (char.IsAsciiLetterUpper(raw) ? (char)(raw | 0x20) : raw) : raw is >= '\uAC00' and <= '\uD7A3' ? raw : char.ToLowerInvariant(raw);
            hash = (hash ^ c) * 1099511628211UL;
            any = true;
        }

        return hash;
    }

    /// <summary>Lowercased, whitespace-collapsed, NFC text.</summary>
    public static string Normalise(string text) =>
        SectionKeys.CollapseWhitespace(MayNeedNormalising(text) ? text.Normalize(NormalizationForm.FormC) : text).ToLowerInvariant();

    // Text without combining marks or conjoining jamo is already NFC; skipping the ICU call keeps ids cheap.
    private static bool MayNeedNormalising(string text)
    {
        var span = text.AsSpan();
        return span.IndexOfAnyInRange('\u0300', '\u036F') >= 0
            || span.IndexOfAnyInRange('\u1100', '\u11FF') >= 0
            || span.IndexOfAnyInRange('\u3130', '\u318F') >= 0
            || span.IndexOfAnyInRange('\uFE20', '\uFE2F') >= 0
            || span.IndexOfAnyInRange('\u1AB0', '\u1DFF') >= 0
            || span.IndexOfAnyInRange('\u20D0', '\u20FF') >= 0;
    }

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
