using System.Text;

namespace Bot.Library.Sources;

/// <summary>
/// Turns bytes into text without garbling: a BOM, then strict UTF-8, then the declared charset (HTTP header, XML declaration,
/// HTML meta), then the legacy encodings our publishers' readers use (EUC-KR, windows-1252/Latin-1).
/// A body that is none of these, or binary, is refused with a reason instead of being stored as mojibake.
/// </summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The text and the encoding used, or an error saying why the bytes are not text.</summary>
    public static (string? Text, string? Encoding, string? Error) Decode(ReadOnlySpan<byte> bytes, string? declared)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Strict(StrictUtf8, bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var utf16 = bytes[0] == 0xFF ? new UnicodeEncoding(false, false, true) : new UnicodeEncoding(true, false, true);
            return Strict(utf16, bytes[2..]);
        }

        if (LooksBinary(bytes))
        {
            return (null, null, "binary data, not text");
        }

        // Valid UTF-8 with non-ASCII bytes is almost never legacy text by chance, so it wins over a wrong declaration.
        var utf8 = Strict(StrictUtf8, bytes);
        if (utf8.Error is null)
        {
            return utf8;
        }

        declared ??= Declared(bytes);
        if (declared is not null)
        {
            Encoding? encoding = null;
            try
            {
                encoding = Encoding.GetEncoding(declared.Trim().Trim('"', '\''), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            }
            catch (ArgumentException)
            {
                // An unknown charset name: fall through to detection rather than refuse a readable body.
            }

            if (encoding is not null)
            {
                var result = Strict(encoding, bytes);
                if (result.Error is null)
                {
                    return result;
                }
            }
        }

        var korean = Strict(Encoding.GetEncoding(949, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes);
        if (korean.Text is { } k && HangulShare(k) > 0.3)
        {
            return korean;
        }

        // windows-1252 is what browsers use for "ISO-8859-1" and for undeclared Western text.
        return Strict(Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes) is { Error: null } western
            ? western
            : (null, null, "not UTF-8 and no known charset was declared; save it as UTF-8");
    }

    private static (string? Text, string? Encoding, string? Error) Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return (encoding.GetString(bytes), encoding.WebName, null);
        }
        catch (DecoderFallbackException)
        {
            return (null, null, $"not valid {encoding.WebName} text");
        }
    }

    public static bool LooksBinary(ReadOnlySpan<byte> bytes) => bytes[..Math.Min(bytes.Length, 8192)].IndexOf((byte)0) >= 0;

    // Share of non-ASCII letters that are Hangul syllables: EUC-KR bytes read as Korean give mostly Hangul.
    private static double HangulShare(string text)
    {
        int hangul = 0, other = 0;
        foreach (var c in text)
        {
            if (c >= '\uAC00' && c <= '\uD7A3')
            {
                hangul++;
            }
            else if (c > 0x7F)
            {
                other++;
            }
        }

        return hangul + other == 0 ? 0 : (double)hangul / (hangul + other);
    }

    /// <summary>The charset an XML declaration or an HTML meta names in the first 1024 bytes (the HTML prescan window).</summary>
    private static string? Declared(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 1024)]);
        foreach (var marker in (string[])["encoding=", "charset="])
        {
            var at = head.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }

            var start = at + marker.Length;
            while (start < head.Length && head[start] is '"' or '\'' or ' ')
            {
                start++;
            }

            var end = start;
            while (end < head.Length && (char.IsAsciiLetterOrDigit(head[end]) || head[end] is '-' or '_' or ':' or '.'))
            {
                end++;
            }

            if (end > start)
            {
                return head[start..end];
            }
        }

        return null;
    }
}
