using System.Text.Json.Nodes;

namespace Bot.TestSupport.FakeSlack;

/// <summary>
/// One Socket Mode envelope as the fake saw it: when it was first delivered, how often, when (and how often) it was
/// acknowledged, and the acknowledgement's <c>payload</c> (the inline answer), if any.
/// </summary>
public sealed record FakeSocketEnvelope(
    string EnvelopeId,
    string Type,
    string? ResponseUrl,
    int Deliveries,
    DateTimeOffset? FirstDelivered,
    DateTimeOffset? AckedAt,
    int Acks,
    JsonObject? AckPayload)
{
    /// <summary>From the first delivery to the first acknowledgement.</summary>
    public TimeSpan? AckDelay => AckedAt - FirstDelivered;
}
