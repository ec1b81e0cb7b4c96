namespace Bot.Core.Posting;

/// <summary>A post failed. <see cref="Permanent"/> failures (a 4xx such as a missing channel) are not retried.</summary>
public sealed class PostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PostException(string message, bool permanent, Exception? inner = null)
        : base(message, inner)
    {
        Permanent = permanent;
    }

    /// <summary>Parameterless constructor for serializers.</summary>
    public PostException()
    {
    }

    /// <summary>Creates a transient failure.</summary>
    public PostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates a transient failure with its cause.</summary>
    public PostException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>True when retrying cannot help.</summary>
    public bool Permanent { get; }

    /// <summary>
    /// True when the platform certainly did not take the post (a 429, a refused connection), so a retry may send without
    /// looking for it first. False (the default) means a lost response: the post may have gone out.
    /// </summary>
    public bool NotDelivered { get; init; }
}
