namespace Bot.Core.Templates;

/// <summary>A template is missing or does not parse. The message names the file and line.</summary>
public sealed class TemplateLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TemplateLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public TemplateLoadException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Parameterless constructor for serializers.</summary>
    public TemplateLoadException()
    {
    }
}
