namespace Bot.Core.Templates;

/// <summary><c>Bot:Templates</c>: where the Liquid templates live.</summary>
public sealed class TemplatesOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Bot:Templates";

    /// <summary>The template folder, absolute or relative to the content root (default <c>templates</c>).</summary>
    public string Path { get; set; } = "templates";

    /// <summary>How often a template file is checked for changes (default 2 s; zero checks on every render).</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(2);
}
