using System.Globalization;
using System.Text;

namespace Bot.Library.Search;

/// <summary>
/// Segments text for the FTS index and for queries, the same way on both sides.
/// Latin letters and digits form lowercased words; Hangul, kana and Han runs become overlapping
/// character bigrams (a one-character run stays a unigram), so a two-syllable Korean word such as
/// <c>추론</c> matches inside <c>추론을</c> or a compound, which the trigram tokenizer cannot do.
/// Words are separated by single spaces, so FTS5's unicode61 tokenizer sees exactly these tokens.
/// </summary>
internal static class SearchText
{
    /// <summary>Appends the index tokens of <paramref name="text"/> to <paramref name="sb"/>; extra tokens (joined hyphen compounds, camelCase parts) go to <paramref name="extras"/>.</summary>
    public static void Append(StringBuilder sb, string? text, List<string>? extras)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var normalized = Normalize(text);
        var i = 0;
        string? previousWord = null;
        var joined = new StringBuilder();
        var joinCount = 0;
        while (i < normalized.Length)
        {
            var kind = Classify(normalized, i);
            if (kind == CharKind.Other)
            {
                // A lone '-' between two words keeps a hyphen compound going ("time-series" -> "timeseries").
                if (normalized[i] != '-' || previousWord is null)
                {
                    FlushJoined(joined, ref joinCount, extras);
                    previousWord = null;
                }

                i++;
                continue;
            }

            var start = i;
            while (i < normalized.Length && Classify(normalized, i) == kind)
            {
                i++;
            }

            var run = normalized.AsSpan(start, i - start);
            if (kind == CharKind.Word)
            {
                AppendWord(sb, run, extras);
                var lower = run.ToString().ToLowerInvariant();
                if (previousWord is not null && start > 0 && normalized[start - 1] == '-')
                {
                    if (joinCount == 0)
                    {
                        joined.Append(previousWord);
                        joinCount = 1;
                    }

                    joined.Append(lower);
                    joinCount++;
                }
                else
                {
                    FlushJoined(joined, ref joinCount, extras);
                }

                previousWord = lower;
            }
            else
            {
                FlushJoined(joined, ref joinCount, extras);
                previousWord = null;
                AppendBigrams(sb, run);
            }
        }

        FlushJoined(joined, ref joinCount, extras);
    }

    /// <summary>The tokens of one query word: runs of the same script, each as a list of index tokens.</summary>
    public static List<(CharKind Kind, List<string> Tokens)> Segment(string word)
    {
        var result = new List<(CharKind, List<string>)>();
        var normalized = Normalize(word);
        var i = 0;
        while (i < normalized.Length)
        {
            var kind = Classify(normalized, i);
            if (kind == CharKind.Other)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < normalized.Length && Classify(normalized, i) == kind)
            {
                i++;
            }

            var sb = new StringBuilder();
            if (kind == CharKind.Word)
            {
                sb.Append(Stem(normalized.AsSpan(start, i - start).ToString().ToLowerInvariant()));
            }
            else
            {
                AppendBigrams(sb, normalized.AsSpan(start, i - start));
            }

            var tokens = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (kind == CharKind.Word && result.Count > 0 && result[^1].Item1 == CharKind.Word && IsJoiner(normalized[start - 1]))
            {
                // "time-series", "2305.17493", "10.1038/abc" stay one phrase.
                result[^1].Item2.AddRange(tokens);
            }
            else
            {
                result.Add((kind, tokens));
            }
        }

        return result;
    }

    /// <summary>
    /// A light English plural fold, the same on both sides, so "models" finds "model" and "LLMs" finds "LLM"
    /// without prefix queries (which merge many doclists and were the slowest queries in the benchmark).
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length < 4 || !char.IsAsciiLetterLower(word[^1]) || word[^1] != 's')
        {
            return word;
        }

        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal))
        {
            return word;
        }

        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        return word[..^1];
    }

    private static bool IsJoiner(char c) => c is '-' or '.' or '/' or '_' or '\'' or '’';

    private static string Normalize(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Invalid UTF-16 (lone surrogates): index what we can.
            return text;
        }
    }

    private static void AppendWord(StringBuilder sb, ReadOnlySpan<char> run, List<string>? extras)
    {
        if (sb.Length > 0)
        {
            sb.Append(' ');
        }

        sb.Append(Stem(run.ToString().ToLowerInvariant()));

        if (extras is not null && run.Length >= 6)
        {
            AddCamelParts(run, extras);
        }
    }

    // "GraphRAG" -> "graph", "rag"; "ChatGPT" -> "chat", "gpt". Parts shorter than 3 are noise.
    private static void AddCamelParts(ReadOnlySpan<char> run, List<string> extras)
    {
        var start = 0;
        var parts = 0;
        Span<int> cuts = stackalloc int[Math.Min(run.Length, 64)];
        for (var k = 1; k < run.Length && parts < cuts.Length; k++)
        {
            var lowerToUpper = char.IsLower(run[k - 1]) && char.IsUpper(run[k]);
            var acronymEnd = k + 1 < run.Length && char.IsUpper(run[k - 1]) && char.IsUpper(run[k]) && char.IsLower(run[k + 1]);
            if (lowerToUpper || acronymEnd)
            {
                cuts[parts++] = k;
            }
        }

        if (parts == 0)
        {
            return;
        }

        for (var p = 0; p <= parts; p++)
        {
            var end = p < parts ? cuts[p] : run.Length;
            if (end - start >= 3)
            {
                extras.Add(Stem(run[start..end].ToString().ToLowerInvariant()));
            }

            start = end;
        }
    }

    private static void AppendBigrams(StringBuilder sb, ReadOnlySpan<char> run)
    {
        // Runs hold BMP characters only (Classify sends surrogates to Other).
        if (run.Length == 1)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(run);
            return;
        }

        for (var k = 0; k + 1 < run.Length; k++)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(run.Slice(k, 2));
        }
    }

    private static void FlushJoined(StringBuilder joined, ref int count, List<string>? extras)
    {
        if (count >= 2 && extras is not null && joined.Length <= 64)
        {
            extras.Add(Stem(joined.ToString()));
        }

        joined.Clear();
        count = 0;
    }

    /// <summary>The script class of the character at <paramref name="i"/>.</summary>
    public static CharKind Classify(string text, int i)
    {
        var c = text[i];
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c) ? CharKind.Word : CharKind.Other;
        }

        if (c is (>= '\uAC00' and <= '\uD7A3') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F')
            or (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uF900' and <= '\uFAFF'))
        {
            return CharKind.Cjk;
        }

        if (char.IsSurrogate(c))
        {
            // Emoji and other astral symbols separate words; astral CJK is rare enough to ignore.
            return CharKind.Other;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || char.IsLetterOrDigit(c)
            ? CharKind.Word
            : CharKind.Other;
    }
}
