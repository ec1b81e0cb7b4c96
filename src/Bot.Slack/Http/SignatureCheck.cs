namespace Bot.Slack.Http;

/// <summary>The result of checking a Slack request signature.</summary>
public enum SignatureCheck
{
    /// <summary>The signature matches and the timestamp is fresh.</summary>
    Valid,

    /// <summary>The signature or timestamp header is missing.</summary>
    Missing,

    /// <summary>The timestamp is more than five minutes from now (or not a number).</summary>
    Stale,

    /// <summary>The signature does not match the body.</summary>
    Invalid,

    /// <summary><c>Bot:Slack:SigningSecret</c> is not set, so nothing can be trusted.</summary>
    NotConfigured,
}
