using System.Security.Cryptography;
using System.Text;
using Bot.Core.Replies;

namespace Bot.Core.Posting;

/// <summary>What a section post shows, reduced to a hash, so a corrected digest can be told from an unchanged one.</summary>
public static class PostContent
{
    /// <summary>A hex SHA-256 over the section as the console shows it (titles, links, summaries, counts), without mentions.</summary>
    public static string Hash(SectionHighlight highlight)
    {
        ArgumentNullException.ThrowIfNull(highlight);
        var text = ConsoleSectionPoster.Format(new SectionPost("content", highlight));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
