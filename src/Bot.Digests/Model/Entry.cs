namespace Bot.Digests.Model;

/// <summary>One entry of a digest: a heading with its bullets, images and references.</summary>
/// <param name="Id">Stable across re-parses: derived from the digest id and the entry's position/title.</param>
/// <param name="Line">1-based line of the entry's heading or bullet in the source.</param>
public sealed record Entry(
    string Id,
    string Title,
    IReadOnlyList<Bullet> Bullets,
    IReadOnlyList<DigestImage> Images,
    IReadOnlyList<Reference> References,
    int Line)
{
    /// <summary>The first bullet's text, used as the entry's summary.</summary>
    public string? Summary => Bullets.Count > 0 ? Bullets[0].Text : null;

    /// <summary>The first reference, which the entry's heading links to.</summary>
    public Reference? PrimaryReference => References.Count > 0 ? References[0] : null;
}
