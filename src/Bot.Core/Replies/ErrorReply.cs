namespace Bot.Core.Replies;

/// <summary>What went wrong and what to try next. Always shown only to the asker.</summary>
public sealed record ErrorReply(string Message, string? Hint = null) : Reply(Ephemeral: true);
