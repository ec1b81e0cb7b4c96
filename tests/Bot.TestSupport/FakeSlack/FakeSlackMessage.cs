using System.Text.Json.Nodes;

namespace Bot.TestSupport.FakeSlack;

/// <summary>A message the fake accepted.</summary>
/// <param name="Kind"><c>chat.postMessage</c>, <c>webhook</c> or <c>response_url</c>.</param>
/// <param name="Channel">The channel (chat.postMessage), or the webhook/response path.</param>
/// <param name="Ts">The message timestamp the fake assigned (chat.postMessage only).</param>
/// <param name="Body">The JSON body exactly as received.</param>
public sealed record FakeSlackMessage(string Kind, string Channel, string? Ts, string? ThreadTs, JsonObject Body, DateTimeOffset ReceivedAt)
{
    /// <summary>The ledger key in the message metadata, if any.</summary>
    public string? LedgerKey => Body["metadata"]?["event_payload"]?["ledger_key"]?.GetValue<string>();
}
