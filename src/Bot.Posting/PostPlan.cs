using Bot.Digests.Model;
using Bot.Library.State;


namespace Bot.Posting;

/// <summary>What planning a subscription would do: the digest and sections it enters, or why nothing is sent.</summary>
/// <param name="Digest">The digest chosen; null when nothing is sent (see <paramref name="Reason"/>).</param>
/// <param name="Existing">Ledger rows the digest already has for this subscription.</param>
/// <param name="AlreadyPlanned">True when an explicitly named digest is in the ledger already: its rows are reused.</param>
public sealed record PostPlan(Digest? Digest, IReadOnlyList<Section> Sections, IReadOnlyList<LedgerRow> Existing, bool AlreadyPlanned, string? Reason)
{
    /// <summary>A plan that sends nothing, and why.</summary>
    public static PostPlan Nothing(string reason) => new(null, [], [], false, reason);
}
