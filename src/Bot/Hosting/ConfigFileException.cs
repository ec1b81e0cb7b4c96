namespace Bot.Hosting;

/// <summary>A settings file that is missing or not JSON; the message is the one line a user reads.</summary>
public sealed class ConfigFileException : Exception
{
    public ConfigFileException(string message)
        : base(message)
    {
    }

    public ConfigFileException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ConfigFileException()
    {
    }
}
