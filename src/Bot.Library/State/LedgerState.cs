namespace Bot.Library.State;

/// <summary>Where one (subscription, digest, section) post stands in the ledger.</summary>
public enum LedgerState
{
    /// <summary>Planned, not yet tried.</summary>
    Pending,

    /// <summary>Claimed by a host that is (or was, before a crash) sending it; it may have reached the platform.</summary>
    Attempted,

    /// <summary>Delivered; the platform's message id is recorded.</summary>
    Sent,

    /// <summary>Not sent on purpose (fell due outside the catch-up window, or empty after filters).</summary>
    Skipped,

    /// <summary>Failed permanently (a 4xx such as a missing channel); not retried until <c>post --retry-failed</c>.</summary>
    Failed,

    /// <summary>
    /// An attempt may have reached a target that cannot be searched (a webhook alone): not sent again blindly;
    /// the operator decides with <c>post --retry-uncertain</c>.
    /// </summary>
    Uncertain,
}
