using Bot.Core.Posting;


namespace Bot.Discord.Posting;

/// <summary>Discord's target strings: <c>discord:channel:&lt;id&gt;</c> (a bot token posts) and <c>discord:webhook:&lt;url&gt;</c>.</summary>
public sealed class DiscordTargetScheme : ITargetScheme
{
    /// <inheritdoc />
    public string Platform => "discord";

    /// <inheritdoc />
    public IReadOnlyList<string> Kinds { get; } = ["channel", "webhook"];

    /// <inheritdoc />
    public string WorkspaceWord => "server";
}
