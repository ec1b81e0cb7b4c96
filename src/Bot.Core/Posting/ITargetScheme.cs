namespace Bot.Core.Posting;

/// <summary>
/// The target strings of one platform, registered by its adapter (<c>AddBotXxx</c>): <c>&lt;platform&gt;:&lt;kind&gt;:&lt;value&gt;</c>
/// for each of its <see cref="Kinds"/>. Core parses the shape; the platforms are what the adapters register, so a new
/// platform adds its scheme in its own project.
/// </summary>
public interface ITargetScheme
{
    /// <summary>The platform in target strings, in lower case: the same name as its <see cref="ISectionPoster.Platform"/>.</summary>
    string Platform { get; }

    /// <summary>The kinds it posts to: <c>channel</c> (an id) and <c>webhook</c> (an absolute http(s) URL).</summary>
    IReadOnlyList<string> Kinds { get; }

    /// <summary>What a chat's server or workspace is called on the platform, in replies ("this server already has …").</summary>
    string WorkspaceWord { get; }
}
