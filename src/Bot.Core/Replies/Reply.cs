namespace Bot.Core.Replies;

/// <summary>A platform-neutral answer or post. Renderers turn it into Discord embeds, Slack blocks or console text.</summary>
/// <param name="Ephemeral">Visible only to the user who asked (errors are always ephemeral).</param>
public abstract record Reply(bool Ephemeral = false);
