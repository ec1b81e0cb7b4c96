using System.Globalization;
using System.Text;
using Bot.Digests.Model;
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
    private readonly Zipf _korean;
    private readonly Zipf _english;

    public LibraryCorpus(int seed = 20240710)
    {
        _random = new Random(seed);
        for (var i = 0; i < 400; i++)
        {
            _popularPapers.Add(NewArxivId());
        }

        // Real text is Zipfian over a large vocabulary: a few words everywhere, most words rare.
        // Compounds of the base nouns and hyphenated English terms stand in for the long tail.
        var korean = new List<string>(KoreanNouns);
        var english = new List<string>(EnglishWords);
        for (var i = 0; i < 900; i++)
        {
            korean.Add(KoreanNouns[_random.Next(KoreanNouns.Length)] + KoreanNouns[_random.Next(KoreanNouns.Length)]);
            english.Add(i % 3 == 0
                ? $"{EnglishWords[_random.Next(EnglishWords.Length)]}-{EnglishWords[_random.Next(EnglishWords.Length)]}"
                : $"{Products[_random.Next(Products.Length)].Split(' ')[0]}-{1 + _random.Next(9)}{(char)('a' + _random.Next(26))}");
        }

        KoreanVocabulary = korean.Distinct().OrderBy(_ => _random.Next()).ToArray();
        EnglishVocabulary = english.Distinct().OrderBy(_ => _random.Next()).ToArray();
        _korean = new Zipf(KoreanVocabulary.Length);
        _english = new Zipf(EnglishVocabulary.Length);
    }

    /// <summary>Korean words in Zipf rank order (the first is the most frequent).</summary>
    public string[] KoreanVocabulary { get; }

    /// <summary>English words and names in Zipf rank order.</summary>
    public string[] EnglishVocabulary { get; }

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
        0 => $"{Pick(Acronyms)} {Korean()}{Pick(["을", "를"])} 위한 {Pick(KoreanAdjectives)} {Capitalize(English())}",
        1 => $"{Pick(Companies)}, {Korean()} {Korean()} 공개",
        2 => $"{Korean()} {Korean()}의 {Korean()} 개선",
        _ => $"{Pick(Products)} 기반 {Korean()} 사례",
    };

    private string EnglishTitle() => _random.Next(3) switch
    {
        0 => $"{Capitalize(English())} {Capitalize(English())} for {Pick(Acronyms)} {Capitalize(English())}",
        1 => $"{Pick(Products)}: {Capitalize(English())} {Capitalize(English())} at Scale",
        _ => $"Towards {Capitalize(English())} {Capitalize(English())} with {Pick(Acronyms)}",
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
                < 5 => KoreanVocabulary[_korean.Next(_random)] + Pick(Particles),
                < 7 => EnglishVocabulary[_english.Next(_random)],
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

    private string Korean() => KoreanVocabulary[_korean.Next(_random)];

    private string English() => EnglishVocabulary[_english.Next(_random)];

    /// <summary>Zipf(s = 1) ranks by inverse-CDF lookup.</summary>
    private sealed class Zipf
    {
        private readonly double[] _cumulative;

        public Zipf(int n)
        {
            _cumulative = new double[n];
            var sum = 0.0;
            for (var k = 0; k < n; k++)
            {
                sum += 1.0 / (k + 1);
                _cumulative[k] = sum;
            }

            for (var k = 0; k < n; k++)
            {
                _cumulative[k] /= sum;
            }
        }

        public int Next(Random random)
        {
            var at = Array.BinarySearch(_cumulative, random.NextDouble());
            return Math.Min(at < 0 ? ~at : at, _cumulative.Length - 1);
        }
    }

    private static string Capitalize(string word) => word.Length == 0 || char.IsUpper(word[0]) ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
