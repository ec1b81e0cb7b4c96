using System.Text.Json.Serialization;

namespace Bot.Slack.Wire.Messages;

/// <summary>A Block Kit layout block; <c>type</c> is written first and picks the derived record.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SlackHeaderBlock), "header")]
[JsonDerivedType(typeof(SlackSectionBlock), "section")]
[JsonDerivedType(typeof(SlackContextBlock), "context")]
[JsonDerivedType(typeof(SlackDividerBlock), "divider")]
[JsonDerivedType(typeof(SlackActionsBlock), "actions")]
public abstract record SlackBlock
{
    /// <summary>Optional block id.</summary>
    [JsonPropertyName("block_id")]
    public string? BlockId { get; init; }
}
