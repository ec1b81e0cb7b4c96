using System.Text.Encodings.Web;

namespace Bot.Core.Templates;

/// <summary>
/// Base of the platform encoders Fluid applies to every inserted value. Escaping works on whole values, so an
/// encoder may look at context (such as the start of a line); the per-scalar members exist for other callers.
/// </summary>
public abstract class EscapingTextEncoder : TextEncoder
{
    /// <summary>Escapes a whole value.</summary>
    public abstract string Escape(string value);

    /// <summary>The replacement of a single scalar outside any context, or null to keep it.</summary>
    protected abstract string? EscapeScalar(int unicodeScalar);

    /// <inheritdoc />
    public override int MaxOutputCharactersPerInputCharacter => 8;

    /// <inheritdoc />
    public override string Encode(string value) => value is null ? string.Empty : Escape(value);

    /// <inheritdoc />
    public override void Encode(TextWriter output, string value, int startIndex, int characterCount)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(value);
        output.Write(Escape(value.Substring(startIndex, characterCount)));
    }

    /// <inheritdoc />
    public override void Encode(TextWriter output, char[] value, int startIndex, int characterCount)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(value);
        output.Write(Escape(new string(value, startIndex, characterCount)));
    }

    /// <inheritdoc />
    public override bool WillEncode(int unicodeScalar) => EscapeScalar(unicodeScalar) is not null;

    /// <inheritdoc />
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (var i = 0; i < textLength; i++)
        {
            if (!char.IsSurrogate(text[i]) && WillEncode(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var replacement = EscapeScalar(unicodeScalar) ?? char.ConvertFromUtf32(unicodeScalar);
        if (replacement.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        for (var i = 0; i < replacement.Length; i++)
        {
            buffer[i] = replacement[i];
        }

        numberOfCharactersWritten = replacement.Length;
        return true;
    }
}
