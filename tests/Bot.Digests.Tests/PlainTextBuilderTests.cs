using Bot.Digests.Parsing;

namespace Bot.Digests.Tests;

/// <summary>The vectorised whitespace collapsing must agree with <see cref="char.IsWhiteSpace(char)"/> everywhere.</summary>
public sealed class PlainTextBuilderTests
{
    [Fact]
    public void WhiteSpace_IsExactlyCharIsWhiteSpace()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.True(char.IsWhiteSpace((char)c) == PlainTextBuilder.WhiteSpace.Contains((char)c), $"U+{c:X4}");
            Assert.True(char.IsWhiteSpace((char)c) == PlainTextBuilder.IsWhiteSpace((char)c), $"U+{c:X4}");
        }
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("  a  b\t\nc  ", "a b c")]
    [InlineData("\u3000한국어\u00A0텍스트\u2028", "한국어 텍스트")]
    [InlineData("one", "one")]
    [InlineData("a b  c d e f \u00A0g ", "a b c d e f g")]
    [InlineData(" single spaces inside one phrase", "single spaces inside one phrase")]
    public void Append_CollapsesRunsAndTrims(string input, string expected)
    {
        var builder = new PlainTextBuilder();
        builder.Append(input.AsSpan(0, input.Length / 2));
        builder.Append(input.AsSpan(input.Length / 2));

        Assert.Equal(expected, builder.ToString().TrimEnd());
        Assert.Equal(expected, SectionKeys.CollapseWhitespace(input));
    }

    [Fact]
    public void Append_InRandomPieces_EqualsSplittingOnWhiteSpaceAndJoiningWithOneSpace()
    {
        // Pieces with only single inner spaces take the copy-at-once path, others the char-by-char path; both must agree.
        char[] alphabet = ['a', 'b', ' ', ' ', ' ', '\t', '\n', '\u00A0', '\u3000', '한', '-', '\u2009'];
        var random = new Random(11);
        for (var round = 0; round < 2000; round++)
        {
            var input = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var builder = new PlainTextBuilder();
            for (var at = 0; at < input.Length;)
            {
                var length = Math.Min(input.Length - at, random.Next(1, 8));
                builder.Append(input.AsSpan(at, length));
                at += length;
            }

            var expected = string.Join(' ', input.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            Assert.True(expected == builder.ToString(), $"round {round}: '{input}' gave '{builder}', expected '{expected}'");
        }
    }

    [Fact]
    public void IsSingleSpaced_AgreesWithACharByCharCheck_AtEveryPosition()
    {
        // Vector lanes and the scalar tail must both see every kind of whitespace, wherever it falls.
        var odd = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && (char.IsWhiteSpace(c) || c < ' ')).ToArray();
        for (var length = 1; length <= 40; length++)
        {
            var plain = new string('한', length).ToCharArray();
            Assert.True(PlainTextBuilder.IsSingleSpaced(plain));
            for (var at = 0; at < length; at++)
            {
                foreach (var c in odd)
                {
                    var text = (char[])plain.Clone();
                    text[at] = c;
                    Assert.False(PlainTextBuilder.IsSingleSpaced(text), $"U+{(int)c:X4} at {at} of {length}");
                }

                var spaced = (char[])plain.Clone();
                spaced[at] = ' ';
                Assert.True(PlainTextBuilder.IsSingleSpaced(spaced));
                if (at + 1 < length)
                {
                    spaced[at + 1] = ' ';
                    Assert.False(PlainTextBuilder.IsSingleSpaced(spaced), $"two spaces at {at} of {length}");
                }
            }
        }
    }
}
