using Bot.Core.Posting;


namespace Bot.Posting;

/// <summary>The registered <see cref="ISectionPoster"/>s by platform (the last registration of a platform wins).</summary>
public sealed class PosterRegistry
{
    private readonly Dictionary<string, ISectionPoster> _posters;

    /// <summary>Indexes the posters.</summary>
    public PosterRegistry(IEnumerable<ISectionPoster> posters)
    {
        _posters = new Dictionary<string, ISectionPoster>(StringComparer.OrdinalIgnoreCase);
        foreach (var poster in posters)
        {
            _posters[poster.Platform] = poster;
        }
    }

    /// <summary>The poster of a platform, or null.</summary>
    public ISectionPoster? Find(string platform) => _posters.GetValueOrDefault(platform);
}
