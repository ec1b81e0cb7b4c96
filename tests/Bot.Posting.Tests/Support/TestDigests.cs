using Bot.Digests.Model;


namespace Bot.Posting.Tests.Support;

/// <summary>Small digests built in code, so scheduling tests do not depend on the parser.</summary>
internal static class TestDigests
{
    public static Digest Make(string id, DateOnly date, params string[] sections) => Make(id, date, 3, sections);

    public static Digest Make(string id, DateOnly date, int entriesPerSection, params string[] sections)
    {
        var list = sections.Select(key => new Section(
            key,
            char.ToUpperInvariant(key[0]) + key[1..],
            Enumerable.Range(1, entriesPerSection).Select(n => new Entry(
                $"{id}-{key}-{n}",
                $"{key} item {n}",
                [new Bullet($"Summary of {key} item {n}", 0)],
                [],
                [new Reference($"ref-{n}", $"Paper {n}", $"https://arxiv.org/abs/2401.0000{n}", $"https://arxiv.org/abs/2401.0000{n}", ReferenceKind.Paper, $"2401.0000{n}", null)],
                n)).ToList())).ToList();
        return new Digest(id, $"Digest {id}", date, DigestFormat.Sectioned, [], [], null, null, null, id, null, list, []);
    }
}
