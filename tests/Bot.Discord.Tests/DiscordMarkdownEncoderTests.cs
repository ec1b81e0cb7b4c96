using Bot.Discord.Rendering;

namespace Bot.Discord.Tests;

public sealed class DiscordMarkdownEncoderTests
{
    [Theory]
    [InlineData("@everyone", "@\u200Beveryone")]
    [InlineData("@here", "@\u200Bhere")]
    [InlineData("<@&123>", "\\<@\u200B&123\\>")]
    [InlineData("<#456>", "\\<#456\\>")]
    [InlineData("**bold** _it_ ~~s~~ `c` ||spoiler||", "\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|spoiler\\|\\|")]
    [InlineData("[x](https://evil.example)", "\\[x\\](https://evil.example)")]
    [InlineData("# title\n- item\n> quote", "\\# title\n\\- item\n\\> quote")]
    [InlineData("state-of-the-art #1", "state-of-the-art #1")]
    [InlineData("a\\b", "a\\\\b")]
    public void Escape_NeutralisesMarkdownAndMentions(string input, string expected)
    {
        Assert.Equal(expected, DiscordMarkdownEncoder.Instance.Escape(input));
    }

    [Fact]
    public void Encode_IsUsedByTextEncoderApi()
    {
        Assert.Equal("@\u200Beveryone \\*", DiscordMarkdownEncoder.Instance.Encode("@everyone *"));
    }
}
