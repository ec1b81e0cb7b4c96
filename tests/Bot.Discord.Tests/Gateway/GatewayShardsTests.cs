using Bot.Discord.Gateway;

namespace Bot.Discord.Tests.Gateway;

public sealed class GatewayShardsTests
{
    [Theory]
    [InlineData("auto")]
    [InlineData("")]
    [InlineData("AUTO")]
    public void TryParse_Auto_MeansTheRecommendedCount(string text)
    {
        Assert.True(GatewayShards.TryParse(text, out var shards, out _));
        Assert.True(shards.IsAuto);
    }

    [Theory]
    [InlineData("0-3/16", new[] { 0, 1, 2, 3 }, 16)]
    [InlineData("4/16", new[] { 4 }, 16)]
    [InlineData("0,2,5-6/8", new[] { 0, 2, 5, 6 }, 8)]
    [InlineData("0/1", new[] { 0 }, 1)]
    public void TryParse_IdsAndCount(string text, int[] ids, int count)
    {
        Assert.True(GatewayShards.TryParse(text, out var shards, out _));
        Assert.Equal(ids, shards.Ids);
        Assert.Equal(count, shards.Count);
    }

    [Theory]
    [InlineData("16", "is not a shard set")]
    [InlineData("0-3", "is not a shard set")]
    [InlineData("3-1/16", "is not a shard set")]
    [InlineData("0-16/16", "ids run from 0 to 15")]
    [InlineData("a/4", "is not a shard set")]
    [InlineData("0/0", "is not a shard set")]
    public void TryParse_Refuses_NamingTheSetting(string text, string reason)
    {
        Assert.False(GatewayShards.TryParse(text, out _, out var error));
        Assert.Contains("Bot:Discord:Shards", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
