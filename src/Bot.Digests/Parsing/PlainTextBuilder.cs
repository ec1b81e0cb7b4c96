using System.Buffers;
using System.Text;

namespace Bot.Digests.Parsing;

/// <summary>A reusable buffer that collapses whitespace runs while appending (no second pass, no extra copies).</summary>
internal sealed class PlainTextBuilder
{
    /// <summary>Exactly the characters <see cref="char.IsWhiteSpace(char)"/> accepts (tested), for vectorised scans.</summary>
    public static readonly SearchValues<char> WhiteSpace = SearchValues.Create(
        "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    [ThreadStatic]
    private static PlainTextBuilder? _shared;

    private readonly StringBuilder _text = new(256);
    private bool _pendingSpace;

    /// <summary>A cleared builder for non-reentrant use on this thread.</summary>
    public static PlainTextBuilder Shared => (_shared ??= new PlainTextBuilder()).Clear();

    public int Length => _text.Length;

    public PlainTextBuilder Clear()
    {
        _text.Clear();
        _pendingSpace = false;
        return this;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var space = text.IndexOfAny(WhiteSpace);
            var word = space < 0 ? text : text[..space];
            if (!word.IsEmpty)
            {
                if (_pendingSpace)
                {
                    _text.Append(' ');
                    _pendingSpace = false;
                }

                _text.Append(word);
            }

            if (space < 0)
            {
                return;
            }

            _pendingSpace = _text.Length > 0;
            var next = text[space..].IndexOfAnyExcept(WhiteSpace);
            if (next < 0)
            {
                return;
            }

            text = text[(space + next)..];
        }
    }

    public void AppendSpace() => _pendingSpace = _text.Length > 0;

    public override string ToString() => _text.ToString();
}
