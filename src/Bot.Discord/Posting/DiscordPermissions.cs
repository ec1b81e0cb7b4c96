using System.Globalization;
using Bot.Discord.Wire;

namespace Bot.Discord.Posting;

/// <summary>
/// A member's effective permissions in a channel, computed as Discord's developer documentation describes it
/// ("Permissions", computing permissions): the @everyone role's permissions, OR every role of the member; ADMINISTRATOR
/// grants everything; then the channel's overwrites in order: @everyone's, the member's roles' (their allows and denies
/// combined), and the member's own.
/// </summary>
public static class DiscordPermissions
{
    /// <summary>ADMINISTRATOR (1 &lt;&lt; 3): every permission, overwrites ignored.</summary>
    public const ulong Administrator = 1UL << 3;

    /// <summary>VIEW_CHANNEL (1 &lt;&lt; 10).</summary>
    public const ulong ViewChannel = 1UL << 10;

    /// <summary>SEND_MESSAGES (1 &lt;&lt; 11): also what creating a forum post takes.</summary>
    public const ulong SendMessages = 1UL << 11;

    /// <summary>EMBED_LINKS (1 &lt;&lt; 14): without it a section's embed does not show.</summary>
    public const ulong EmbedLinks = 1UL << 14;

    /// <summary>READ_MESSAGE_HISTORY (1 &lt;&lt; 16): the look-up after a lost answer reads the channel.</summary>
    public const ulong ReadMessageHistory = 1UL << 16;

    /// <summary>MENTION_EVERYONE (1 &lt;&lt; 17): needed to ping a role that is not mentionable.</summary>
    public const ulong MentionEveryone = 1UL << 17;

    /// <summary>CREATE_PUBLIC_THREADS (1 &lt;&lt; 35).</summary>
    public const ulong CreatePublicThreads = 1UL << 35;

    /// <summary>SEND_MESSAGES_IN_THREADS (1 &lt;&lt; 38).</summary>
    public const ulong SendMessagesInThreads = 1UL << 38;

    /// <summary>Every bit.</summary>
    public const ulong All = ulong.MaxValue;

    /// <summary>
    /// The effective permissions of the member holding <paramref name="memberRoles"/> (user <paramref name="userId"/>) in a
    /// channel with <paramref name="overwrites"/>, in guild <paramref name="guildId"/> (whose id is @everyone's role id).
    /// </summary>
    public static ulong Compute(string guildId, string userId, IReadOnlyList<DiscordRole> guildRoles, IReadOnlyList<string> memberRoles, IReadOnlyList<PermissionOverwrite>? overwrites)
    {
        ArgumentNullException.ThrowIfNull(guildRoles);
        ArgumentNullException.ThrowIfNull(memberRoles);
        var permissions = Bits(guildRoles.FirstOrDefault(r => r.Id == guildId)?.Permissions);
        foreach (var role in guildRoles.Where(r => memberRoles.Contains(r.Id)))
        {
            permissions |= Bits(role.Permissions);
        }

        if ((permissions & Administrator) != 0)
        {
            return All;
        }

        overwrites ??= [];
        if (overwrites.FirstOrDefault(o => o.Id == guildId) is { } everyone)
        {
            permissions = (permissions & ~Bits(everyone.Deny)) | Bits(everyone.Allow);
        }

        ulong allow = 0, deny = 0;
        foreach (var overwrite in overwrites.Where(o => o.Type == 0 && o.Id != guildId && memberRoles.Contains(o.Id)))
        {
            allow |= Bits(overwrite.Allow);
            deny |= Bits(overwrite.Deny);
        }

        permissions = (permissions & ~deny) | allow;
        if (overwrites.FirstOrDefault(o => o.Type == 1 && o.Id == userId) is { } member)
        {
            permissions = (permissions & ~Bits(member.Deny)) | Bits(member.Allow);
        }

        return permissions;
    }

    /// <summary>The names of the bits in <paramref name="needed"/> that <paramref name="have"/> lacks, as Discord's app shows them.</summary>
    public static IReadOnlyList<string> Missing(ulong have, ulong needed)
        => [.. Names.Where(n => (needed & n.Bit) != 0 && (have & n.Bit) == 0).Select(n => n.Name)];

    private static readonly (ulong Bit, string Name)[] Names =
    [
        (ViewChannel, "View Channel"), (SendMessages, "Send Messages"), (EmbedLinks, "Embed Links"),
        (ReadMessageHistory, "Read Message History"), (MentionEveryone, "Mention @everyone, @here and All Roles"),
        (CreatePublicThreads, "Create Public Threads"), (SendMessagesInThreads, "Send Messages in Threads"),
    ];

    private static ulong Bits(string? text)
        => ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? bits : 0;
}
