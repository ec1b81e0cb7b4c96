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

        var seed = title.Length > 0 ? title : fileName ?? string.Empty;

        // One string for "<date>-<slug>-<hash>": the date as "yyyy-MM-dd" gives, the slug and hash built in place.
        Span<char> id = stackalloc char[10 + 1 + 33 + 1 + 8];
        var length = 0;
        if (date is { } day)
        {
            day.TryFormat(id, out length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else
        {
            "undated".CopyTo(id);
            length = "undated".Length;
        }

        id[length++] = '-';
        var slugLength = AsciiSlug(seed, 32, id.Slice(length, 33));
        length += slugLength;
        if (slugLength > 0)
        {
            id[length++] = '-';
        }

        WriteHex(ShortHash(seed), id.Slice(length, 8));
        return new string(id[..(length + 8)]);
    }

    /// <summary>
    /// The first 8 hex digits of <see cref="Hash"/>(<see cref="Normalise"/>(text)), without building either string. Text
    /// with surrogates takes the long way: lowercasing a string maps whole code points, which one char at a time cannot.
    /// </summary>
    internal static uint ShortHash(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            return uint.Parse(Hash(Normalise(text)).AsSpan(0, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        return (uint)(NormalisedHash(MayNeedNormalising(text) ? text.Normalize(NormalizationForm.FormC) : text) >> 32);
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
            WriteHex(parts.hash, span[^8..]);
        });
    }

    // Lowercase hex, most significant digit first (what "x8" gives, without its general formatting path).
    private static void WriteHex(uint value, Span<char> destination)
    {
        for (var i = 0; i < 8; i++)
        {
            destination[i] = "0123456789abcdef"[(int)((value >> (28 - (4 * i))) & 0xF)];
        }
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

    // Lowercase ASCII letters and digits, other runs as one '-', cut once it reaches max (which a dash and a letter can
    // pass by one: destination holds max + 1); returns its length.
    private static int AsciiSlug(string text, int max, Span<char> destination)
    {
        var length = 0;
        var pendingDash = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && length > 0)
                {
                    destination[length++] = '-';
                }

                pendingDash = false;
                destination[length++] = char.ToLowerInvariant(c);
                if (length >= max)
                {
                    break;
                }
            }
            else
            {
                pendingDash = true;
            }
        }

        return destination[..length].TrimEnd('-').Length;
    }
}
