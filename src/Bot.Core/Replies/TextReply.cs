namespace Bot.Core.Replies;

/// <summary>A short plain confirmation, such as "Subscribed #news to weekly papers".</summary>
public sealed record TextReply(string Text, bool IsEphemeral = true) : Reply(IsEphemeral);
