using Bot.Core;

namespace Bot.Discord;

/// <summary>Which Discord targets survive a doubtful attempt without a look-up.</summary>
public sealed partial class DiscordSectionPoster
{
    /// <inheritdoc />
    /// <remarks>
    /// A channel message carries a nonce with <c>enforce_nonce</c>, so resending within Discord's nonce window returns
    /// the earlier message instead of a second one (the claim lease, 45 s with renewal, keeps retries inside it). A webhook
    /// takes no nonce and cannot read its channel: a doubtful attempt there becomes uncertain, never a blind resend.
    /// </remarks>
    public bool CanFindPosted(PostTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind == "channel";
    }
}
