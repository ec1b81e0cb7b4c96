namespace Bot.Core.Posting;

/// <summary>
/// The target strings a configuration or a chat command may name: <c>console</c> and the kinds each registered
/// <see cref="ITargetScheme"/> accepts. Errors list exactly those forms, in registration order.
/// </summary>
public sealed class TargetGrammar
{
    private readonly IReadOnlyList<ITargetScheme> _schemes;

    /// <summary>Creates the grammar over the adapters' schemes.</summary>
    public TargetGrammar(IEnumerable<ITargetScheme> schemes)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        _schemes = schemes.DistinctBy(s => s.Platform, StringComparer.Ordinal).ToList();
        Forms = ["console", .. _schemes.SelectMany(s => s.Kinds.Select(k => $"{s.Platform}:{k}:{(k == "webhook" ? "<url>" : "<id>")}"))];
    }

    /// <summary>The accepted forms, e.g. <c>console</c>, <c>&lt;platform&gt;:channel:&lt;id&gt;</c>.</summary>
    public IReadOnlyList<string> Forms { get; }

    /// <summary>True when no adapter registered a scheme (only <c>console</c> is accepted).</summary>
    public bool IsEmpty => _schemes.Count == 0;

    /// <summary>Parses a target whose platform and kind are registered, or returns false with a message naming the forms.</summary>
    public bool TryParse(string? text, out PostTarget? target, out string? error)
        => PostTarget.TryParse(text, Accepts, PostTarget.FormsText(Forms), out target, out error);

    /// <summary>The platform's word for a server or workspace; "workspace" for one not registered.</summary>
    public string WorkspaceWord(string platform)
        => _schemes.FirstOrDefault(s => s.Platform == platform)?.WorkspaceWord ?? "workspace";

    private bool Accepts(string platform, string kind)
        => _schemes.Any(s => s.Platform == platform && s.Kinds.Contains(kind, StringComparer.Ordinal));
}
