using System.Globalization;
using static Bot.Benchmarks.Library.CorpusVocabulary;

namespace Bot.Benchmarks.Library;

/// <summary>200 mixed queries: Korean words (2 to 4 syllables), English words, acronyms, arXiv ids, mixed phrases, misses and hostile text.</summary>
internal static class BenchQueries
{
    /// <summary>Words are drawn uniformly from the corpus vocabulary (so mostly mid- and low-frequency words, some very common ones).</summary>
    public static IReadOnlyList<string> Create(IReadOnlyList<string> arxivIds, int count = 200)
    {
        var corpus = new LibraryCorpus();
        var korean = corpus.KoreanVocabulary;
        var english = corpus.EnglishVocabulary;
        var random = new Random(7);
        var queries = new List<string>(count);
        string Pick(IReadOnlyList<string> values) => values[random.Next(values.Count)];
        while (queries.Count < count)
        {
            var slot = queries.Count % 20;
            queries.Add(slot switch
            {
                0 or 1 or 2 => Pick(KoreanNouns.Where(n => n.Length == 2).ToArray()),
                3 or 4 => Pick(korean.Where(n => n.Length >= 3).ToArray()) + Pick(["", "을", "의"]),
                5 or 6 or 7 => Pick(english),
                8 or 9 => Pick(Acronyms),
                10 or 11 => arxivIds.Count > 0 ? Pick(arxivIds) : "2305.17493",
                12 => $"{Pick(Acronyms)} {Pick(korean)}",
                13 => $"{Pick(english)} {Pick(english)}",
                14 => $"{Pick(KoreanAdjectives)} {Pick(korean)}",
                15 => Pick(Products),
                16 => Pick(Companies),
                17 => $"{Pick(korean)} {Pick(korean)} {Pick(english)}",
                18 => "nonexistentword" + random.Next(1000).ToString(CultureInfo.InvariantCulture),
                _ => Pick(["\"RAG", "NEAR(gpu", "'; DROP TABLE entries; --", "🤖 LLM", "time-series OR", "(추론)*"]),
            });
        }

        return queries;
    }
}
