namespace Bot.Slack.SocketMode;

/// <summary>Resolves <see cref="SlackOptions.Mode"/>, including its default that follows what is configured.</summary>
public static class SlackModes
{
    /// <summary>The mode in effect: the explicit one, else Socket for an app-level token, Http for a signing secret.</summary>
    public static SlackMode Resolve(SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Enum.TryParse<SlackMode>(options.Mode?.Trim(), ignoreCase: true, out var mode) && mode != SlackMode.None)
        {
            return mode;
        }

        if (!string.IsNullOrWhiteSpace(options.AppToken))
        {
            return SlackMode.Socket;
        }

        return string.IsNullOrWhiteSpace(options.SigningSecret) ? SlackMode.None : SlackMode.Http;
    }
}
