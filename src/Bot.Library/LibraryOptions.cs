namespace Bot.Library;

/// <summary>The library's settings, bound from the <c>Bot</c> section.</summary>
public sealed class LibraryOptions
{
    /// <summary><c>Bot:DataDirectory</c>: the folder holding <c>bot.db</c> (relative to the current directory).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary><c>Bot:Digests</c>: where digests come from and where they are published.</summary>
    public DigestSourcesOptions Digests { get; set; } = new();
}
