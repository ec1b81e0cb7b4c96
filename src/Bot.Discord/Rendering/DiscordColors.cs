using Bot.Core.Highlights;


namespace Bot.Discord.Rendering;

/// <summary>One embed colour per section kind, so a channel can tell papers from news at a glance.</summary>
public static class DiscordColors
{
    /// <summary>Search, references and overviews.</summary>
    public const int Neutral = 0x5865F2;

    /// <summary>The colour of a section kind, as 0xRRGGBB.</summary>
    public static int Of(SectionKind kind) => kind switch
    {
        SectionKind.News => 0x3498DB,
        SectionKind.Papers => 0x9B59B6,
        SectionKind.DeepLearning => 0xE67E22,
        SectionKind.MLOps => 0x2ECC71,
        _ => 0x95A5A6,
    };
}
