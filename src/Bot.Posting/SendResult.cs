namespace Bot.Posting;

/// <summary>The kinds of <see cref="SendOutcome"/>.</summary>
public enum SendResult
{
    /// <summary>Posted now (or found already posted after a crash) and recorded.</summary>
    Sent,

    /// <summary>Nothing to do: sent, skipped or failed before, or the row is gone.</summary>
    AlreadyDone,

    /// <summary>Another host holds the row, or an earlier section of the digest is still on its way; try again at <see cref="SendOutcome.RetryAt"/>.</summary>
    Busy,

    /// <summary>Not sent on purpose (subscription, digest or section gone).</summary>
    Skipped,

    /// <summary>Failed permanently; recorded and not retried.</summary>
    Failed,

    /// <summary>An earlier attempt may have been posted to a target that cannot be searched; recorded, not sent again.</summary>
    Uncertain,
}
