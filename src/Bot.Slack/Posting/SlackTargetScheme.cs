using Bot.Core.Posting;


namespace Bot.Slack.Posting;

/// <summary>Slack's target strings: <c>slack:channel:&lt;id&gt;</c> (a bot token posts) and <c>slack:webhook:&lt;url&gt;</c>.</summary>
public sealed class SlackTargetScheme : ITargetScheme
{
    /// <inheritdoc />
    public string Platform => "slack";

    /// <inheritdoc />
    public IReadOnlyList<string> Kinds { get; } = ["channel", "webhook"];

    /// <inheritdoc />
    public string WorkspaceWord => "workspace";
}
