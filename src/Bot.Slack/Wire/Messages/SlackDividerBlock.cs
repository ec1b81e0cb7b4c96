namespace Bot.Slack.Wire.Messages;

/// <summary><c>divider</c>: a horizontal rule.</summary>
public sealed record SlackDividerBlock : SlackBlock;
