using System.Globalization;
using System.Text;
using Bot.Digests;
using static Bot.Benchmarks.Library.CorpusVocabulary;

namespace Bot.Benchmarks.Library;

/// <summary>
/// A deterministic corpus of sectioned digests (about 50 entries each) with realistic Korean/English text,
/// acronyms, arXiv papers (some cited by several digests) and tracking-parameter URLs. Each digest comes
/// both as Markdown (for end-to-end ingest) and as the model (for the storage-only figure).
/// </summary>
internal sealed class LibraryCorpus
{
    private readonly Random _random;
    private readonly List<string> _popularPapers = [];

    public LibraryCorpus(int seed = 20240710)
    {
        _random = new Random(seed);
        for (var i = 0; i < 400; i++)
        {
            _popularPapers.Add(NewArxivId());
        }
    }

    /// <summary>One generated digest.</summary>
    public sealed record Item(string FileName, string Markdown, Digest Digest);

    public IEnumerable<Item> Generate(int count)
    {
        var start = new DateOnly(2019, 1, 7);
        for (var i = 0; i < count; i++)
        {
            yield return Next(start.AddDays(i), i);
        }
    }

    private Item Next(DateOnly date, int index)
    {
        var slug = $"ai-trend-{index:D5}";
        var fileName = $"{date:yyyy-MM-dd}-{slug}.md";
        var id = $"{date:yyyy-MM-dd}-{slug}";
        var title = $"{date:yyyy}년 {date.Month}월 {date.Day}일 AI 기술 트렌드 | AI Trends #{index}";
        var md = new StringBuilder(24_000);
        md.Append("---\ntitle: \"").Append(title).Append("\"\ndate: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Append(" 00:00:00 +/-TTTT\ncategories: [AI Trend]\ntags: [ai-trend]\nauthor: bench\ndescription: ").Append(Sentence()).Append("\n---\n\n")
            .Append(Sentence()).Append("\n\n");
        var sections = new List<Section>();
        var footnotes = new StringBuilder("## References\n");
        foreach (var (key, sectionTitle, entryCount) in Sections)
        {
            md.Append("## ").Append(sectionTitle).Append('\n');
            var entries = new List<Entry>(entryCount);
            for (var e = 1; e <= entryCount; e++)
            {
                var label = $"ref-{key[0]}-{e}";
                var entryTitle = key == "papers" ? EnglishTitle() : _random.Next(3) == 0 ? EnglishTitle() : KoreanTitle();
                var reference = key == "papers" || _random.Next(6) == 0 ? PaperReference(label) : ArticleReference(label, key, index, e);
                var bullets = new List<Bullet>();
                md.Append("### ").Append(entryTitle).Append(" [^").Append(label).Append("]\n");
                var bulletCount = 2 + _random.Next(3);
                for (var b = 0; b < bulletCount; b++)
                {
                    var depth = b > 0 && _random.Next(4) == 0 ? 1 : 0;
                    var text = Sentence();
                    bullets.Add(new Bullet(text, depth));
                    md.Append(depth == 1 ? "  - " : "- ").Append(text).Append('\n');
                }

                md.Append('\n');
                footnotes.Append("[^").Append(label).Append("]: [").Append(reference.Title).Append("](").Append(reference.Url).Append(")\n");
                entries.Add(new Entry($"{id}/{key}/{e}", entryTitle, bullets, [], [reference], 0));
            }

            sections.Add(new Section(key, sectionTitle[(sectionTitle.IndexOf("**", StringComparison.Ordinal) + 2)..^2], entries));
        }

        md.Append(footnotes);
        var digest = new Digest(id, title, date, DigestFormat.Sectioned, ["ai-trend"], ["AI Trend"], "bench", null, null, slug, null, sections, []);
        return new Item(fileName, md.ToString(), digest);
    }

    private string KoreanTitle() => _random.Next(4) switch
    {
        0 => $"{Pick(Acronyms)} {Pick(KoreanNouns)}{Pick(["을", "를"])} 위한 {Pick(KoreanAdjectives)} {Capitalize(Pick(EnglishWords))}",
        1 => $"{Pick(Companies)}, {Pick(KoreanNouns)} {Pick(KoreanNouns)} 공개",
        2 => $"{Pick(KoreanNouns)} {Pick(KoreanNouns)}의 {Pick(KoreanNouns)} 개선",
        _ => $"{Pick(Products)} 기반 {Pick(KoreanNouns)}{Pick(KoreanNouns)} 사례",
    };

    private string EnglishTitle() => _random.Next(3) switch
    {
        0 => $"{Capitalize(Pick(EnglishWords))} {Capitalize(Pick(EnglishWords))} for {Pick(Acronyms)} {Capitalize(Pick(EnglishWords))}",
        1 => $"{Pick(Products)}: {Capitalize(Pick(EnglishWords))} {Capitalize(Pick(EnglishWords))} at Scale",
        _ => $"Towards {Capitalize(Pick(EnglishWords))} {Capitalize(Pick(EnglishWords))} with {Pick(Acronyms)}",
    };

    private string Sentence()
    {
        var sb = new StringBuilder();
        var words = 8 + _random.Next(12);
        for (var w = 0; w < words; w++)
        {
            var roll = _random.Next(10);
            var word = roll switch
            {
                < 5 => Pick(KoreanNouns) + Pick(Particles),
                < 7 => Pick(EnglishWords),
                7 => Pick(Acronyms),
                8 => _random.Next(2) == 0 ? Pick(Products) : Pick(KoreanAdjectives),
                _ => _random.Next(100).ToString(CultureInfo.InvariantCulture) + "%",
            };
            sb.Append(word).Append(' ');
        }

        return sb.Append(Pick(KoreanEndings)).Append('.').ToString();
    }

    private Reference PaperReference(string label)
    {
        var arxiv = _random.Next(10) == 0 ? _popularPapers[_random.Next(_popularPapers.Count)] : NewArxivId();
        var pdf = _random.Next(3) == 0;
        var url = pdf ? $"https://arxiv.org/pdf/{arxiv}v{1 + _random.Next(3)}.pdf" : $"https://arxiv.org/abs/{arxiv}";
        return new Reference(label, EnglishTitle(), url, $"https://arxiv.org/abs/{arxiv}", ReferenceKind.Paper, arxiv, null);
    }

    private Reference ArticleReference(string label, string key, int digest, int entry)
    {
        var site = Pick(Sites);
        var path = $"/{2019 + digest / 365}/{key}/{Pick(EnglishWords).Replace(' ', '-')}-{digest}-{entry}";
        var url = $"https://{site}{path}?utm_source=newsletter&utm_medium=email";
        return new Reference(label, KoreanTitle(), url, $"https://{site}{path}", ReferenceKind.Article, null, null);
    }

    private string NewArxivId()
        => string.Create(CultureInfo.InvariantCulture, $"{19 + _random.Next(7):D2}{1 + _random.Next(12):D2}.{_random.Next(100_000):D5}");

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private static string Capitalize(string word) => word.Length == 0 || char.IsUpper(word[0]) ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
