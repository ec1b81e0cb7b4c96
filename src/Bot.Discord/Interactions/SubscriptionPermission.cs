using System.Globalization;
using Bot.Discord.Wire;

namespace Bot.Discord.Interactions;

/// <summary>
/// Who may change a channel's subscriptions: a member with Manage Channels (or Administrator) in that channel, or one
/// holding a role in <c>Bot:Discord:SubscriptionManagerRoleIds</c>. Checked on the interaction itself, because a server
/// admin can change who sees a command whatever its <c>default_member_permissions</c> say.
/// </summary>
internal static class SubscriptionPermission
{
    // Discord permission bits (developer docs, "Permissions"): ADMINISTRATOR 1 << 3, MANAGE_CHANNELS 1 << 4.
    private const ulong Administrator = 1UL << 3;
    private const ulong ManageChannels = 1UL << 4;

    public static bool Allows(InteractionMember? member, IReadOnlyCollection<string> managerRoles)
    {
        if (member is null)
        {
            return false; // not in a guild: there is no channel to manage
        }

        if (ulong.TryParse(member.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && (bits & (Administrator | ManageChannels)) != 0)
        {
            return true;
        }

        return member.Roles is { Count: > 0 } roles && roles.Any(managerRoles.Contains);
    }
}
