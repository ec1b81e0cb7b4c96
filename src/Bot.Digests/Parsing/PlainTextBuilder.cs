using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Bot.Digests.Parsing;

/// <summary>A reusable buffer that collapses whitespace runs while appending (no second pass, no extra copies).</summary>
internal sealed class PlainTextBuilder
{
    /// <summary>Exactly the characters <see cref="char.IsWhiteSpace(char)"/> accepts (tested), for vectorised scans.</summary>
    public static readonly SearchValues<char> WhiteSpace = SearchValues.Create(
        "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    private static PlainTextBuilder? _cached;

    private readonly StringBuilder _text = new(256);
    private bool _pendingSpace;

    public int Length => _text.Length;

    public PlainTextBuilder Clear()
    {
        _text.Clear();
        _pendingSpace = false;
        return this;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (IsSingleSpaced(text))
        {
            AppendSingleSpaced(text);
            return;
        }

        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c > ' ' && c < '\u0085') || !IsWhiteSpace(c))
            {
                continue;
            }

            // A single space between two words stays inside the run, so whole phrases are copied at once.
            if (c == ' ' && i > start && i + 1 < text.Length && !IsWhiteSpace(text[i + 1]))
            {
                continue;
            }

            if (i > start)
            {
                AppendWord(text[start..i]);
            }

            _pendingSpace = _text.Length > 0;
            start = i + 1;
        }

        if (start < text.Length)
        {
            AppendWord(text[start..]);
        }
    }

    /// <summary>
    /// True when <paramref name="text"/> has no whitespace but single <c>' '</c> characters (also false for other
    /// control characters, which the char-by-char path handles). Vectorised: one pass of compares per 8 chars,
    /// where a general <see cref="SearchValues{T}"/> lookup of non-ASCII whitespace is slow on Korean text.
    /// </summary>
    internal static bool IsSingleSpaced(ReadOnlySpan<char> text)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(text);
        ref var first = ref MemoryMarshal.GetReference(chars);
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var space = Vector128.Create((ushort)' ');
            for (; i + Vector128<ushort>.Count < chars.Length; i += Vector128<ushort>.Count)
            {
                var v = Vector128.LoadUnsafe(ref first, (nuint)i);
                var next = Vector128.LoadUnsafe(ref first, (nuint)(i + 1));
                var odd = Vector128.LessThan(v, space)
                    | Vector128.Equals(v, Vector128.Create((ushort)0x85))
                    | Vector128.Equals(v, Vector128.Create((ushort)0xA0))
                    | Vector128.Equals(v, Vector128.Create((ushort)0x1680))
                    | Vector128.LessThanOrEqual(v - Vector128.Create((ushort)0x2000), Vector128.Create((ushort)0x0A))
                    | Vector128.Equals(v, Vector128.Create((ushort)0x2028))
                    | Vector128.Equals(v, Vector128.Create((ushort)0x2029))
                    | Vector128.Equals(v, Vector128.Create((ushort)0x202F))
                    | Vector128.Equals(v, Vector128.Create((ushort)0x205F))
                    | Vector128.Equals(v, Vector128.Create((ushort)0x3000))
                    | (Vector128.Equals(v, space) & Vector128.Equals(next, space));
                if (odd != Vector128<ushort>.Zero)
                {
                    return false;
                }
            }
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' || (c == ' ' && i + 1 < text.Length && text[i + 1] == ' ') || (c > '\u0084' && IsWhiteSpace(c)))
            {
                return false;
            }
        }

        return true;
    }

    // Words separated by single spaces (the usual literal): only a leading and a trailing space need folding,
    // and everything between is copied in one go. Same result as the char-by-char loop (tested).
    private void AppendSingleSpaced(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && text[0] == ' ')
        {
            _pendingSpace = _text.Length > 0;
            text = text[1..];
        }

        var trailing = text.Length > 0 && text[^1] == ' ';
        if (trailing)
        {
            text = text[..^1];
        }

        if (text.Length > 0)
        {
            AppendWord(text);
        }

        if (trailing)
        {
            _pendingSpace = _text.Length > 0;
        }
    }

    /// <summary>The same answer as <see cref="char.IsWhiteSpace(char)"/> (tested over every char), without its table lookup.</summary>
    public static bool IsWhiteSpace(char c) => c < '\u1680'
        ? c is (>= '\t' and <= '\r') or ' ' or '\u0085' or '\u00A0'
        : c is '\u1680' or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000';

    /// <summary>A builder from a one-slot cache (cheaper than a thread-static); give it back with <see cref="Return"/>.</summary>
    public static PlainTextBuilder Rent() => Interlocked.Exchange(ref _cached, null)?.Clear() ?? new PlainTextBuilder();

    /// <summary>Returns a builder taken with <see cref="Rent"/>.</summary>
    public static void Return(PlainTextBuilder builder) => Volatile.Write(ref _cached, builder);

    private void AppendWord(ReadOnlySpan<char> word)
    {
        if (_pendingSpace)
        {
            _text.Append(' ');
            _pendingSpace = false;
        }

        _text.Append(word);
    }

    public void AppendSpace() => _pendingSpace = _text.Length > 0;

    public override string ToString() => _text.ToString();
}
