namespace Bot.Slack.SocketMode;

/// <summary>A Socket Mode failure that retrying cannot fix; the message says what to change.</summary>
public sealed class SocketModeFatalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SocketModeFatalException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public SocketModeFatalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public SocketModeFatalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
