using System.Text;

namespace Bot.Digests.Parsing;

/// <summary>A reusable buffer that collapses whitespace runs while appending (no second pass, no extra copies).</summary>
internal sealed class PlainTextBuilder
{
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
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = _text.Length > 0;
                continue;
            }

            if (_pendingSpace)
            {
                _text.Append(' ');
                _pendingSpace = false;
            }

            _text.Append(c);
        }
    }

    public void AppendSpace() => _pendingSpace = _text.Length > 0;

    public override string ToString() => _text.ToString();
}
