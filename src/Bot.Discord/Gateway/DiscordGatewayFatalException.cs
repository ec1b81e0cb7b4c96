namespace Bot.Discord.Gateway;

/// <summary>A gateway failure that retrying cannot fix; the message says which setting to change.</summary>
public sealed class DiscordGatewayFatalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DiscordGatewayFatalException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public DiscordGatewayFatalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public DiscordGatewayFatalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
