namespace Bot.Scheduling;

/// <summary>Thrown by a section job after recording a permanent failure, so Hangfire shows it as failed without retrying.</summary>
public sealed class PermanentPostFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PermanentPostFailureException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PermanentPostFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PermanentPostFailureException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
