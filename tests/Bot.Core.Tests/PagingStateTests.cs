using Bot.Core.Commands;

namespace Bot.Core.Tests;

public sealed class PagingStateTests
{
    [Fact]
    public void Encode_RoundTripsCommandSizeSectionAndQuery()
    {
        var state = new PagingState("papers", 7, "deep-learning", "diffusion: models");

        Assert.True(PagingState.TryDecode(state.Encode(), out var decoded));
        Assert.Equal(state, decoded);
    }

    [Fact]
    public void Token_FitsDiscordCustomId_ForVeryLongKoreanQuery()
    {
        var state = new PagingState("search", 5, "papers", string.Concat(Enumerable.Repeat("임베딩 모델 👨‍👩‍👧 ", 40)));

        var token = PagingState.ToToken(state.Encode(), 9999);

        Assert.True(token.Length <= PagingState.MaxTokenLength, token.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(PagingState.TryParseToken(token, out var encoded, out var page));
        Assert.Equal(9999, page);
        Assert.True(PagingState.TryDecode(encoded, out var decoded));
        Assert.StartsWith(decoded!.Query, state.Query, StringComparison.Ordinal);
        Assert.False(char.IsSurrogate(decoded.Query[^1]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("x5::query")]
    [InlineData("s0::query")]
    [InlineData("s5::")]
    public void TryDecode_RejectsForeignText(string text)
    {
        Assert.False(PagingState.TryDecode(text, out _));
    }

    [Fact]
    public void TryParseToken_RejectsOtherCustomIds()
    {
        Assert.False(PagingState.TryParseToken("subscribe:confirm", out _, out _));
    }
}
