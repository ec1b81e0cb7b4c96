using Bot.Library.Storage;

namespace Bot.Library.Search;

/// <summary>
/// Ranks a bounded set of matches in C#, without FTS5's bm25(): its IDF reads each phrase's whole doclist
/// (several milliseconds for common Korean bigrams). Titles are short, so each candidate's title is segmented
/// here exactly as the index does (<see cref="EntryRows.TitleTokens"/>) and scored with BM25 (k1 1.2, b 0.75);
/// the IDF of a term comes from its document frequency among titles (title_fts, counted up to
/// <see cref="DfCap"/>). A term not in the title adds its IDF once (for matches of every term it is in the
/// body or references; how often is not known without reading doclists).
/// </summary>
internal sealed class TitleScorer
{
    /// <summary>Title document frequencies are counted up to this many; a term this common weighs little anyway.</summary>
    public const int DfCap = 300;

    /// <summary>BM25's term-frequency saturation.</summary>
    internal const double K1 = 1.2;

    /// <summary>BM25's length normalisation.</summary>
    internal const double B = 0.75;
    private const double TitleWeight = 4.0;

    private readonly MatchCache.View _view;
    private readonly FtsQuery _query;
    private double[]? _idf;

    /// <summary>A scorer with the title count and average title length of <paramref name="view"/>; term frequencies are counted when first needed.</summary>
    public TitleScorer(MatchCache.View view, FtsQuery query)
    {
        _view = view;
        _query = query;
    }

    /// <summary>The score of a match whose title holds no term.</summary>
    public static double NoTitleScore => 1.0;

    /// <summary>
    /// The score of one candidate (higher is better) and whether its title holds a term. With
    /// <paramref name="holdsEveryTerm"/> false (any-word matches) terms outside the title add nothing.
    /// </summary>
    public (bool TitleHit, double Score) Score(string title, bool holdsEveryTerm)
    {
        var tokens = EntryRows.TitleTokens(title).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var terms = _query.Parts;
        Span<int> tf = stackalloc int[terms.Count];
        var any = false;
        for (var t = 0; t < terms.Count; t++)
        {
            tf[t] = Occurrences(tokens, terms[t]);
            any |= tf[t] > 0;
        }

        if (!any)
        {
            return (false, NoTitleScore);
        }

        var idf = _idf ??= InverseDocumentFrequencies();
        var titleNorm = K1 * (1 - B + (B * tokens.Length / _view.AverageTitleLength));
        double inTitle = 0, elsewhere = 0;
        for (var t = 0; t < terms.Count; t++)
        {
            if (tf[t] > 0)
            {
                inTitle += idf[t] * tf[t] * (K1 + 1) / (tf[t] + titleNorm);
            }
            else if (holdsEveryTerm)
            {
                elsewhere += idf[t];
            }
        }

        return (true, NoTitleScore + (TitleWeight * inTitle) + elsewhere);
    }

    // With one term the IDF is a constant factor; with several, each term's title document frequency (up to DfCap).
    private double[] InverseDocumentFrequencies()
    {
        var idf = new double[_query.Parts.Count];
        Array.Fill(idf, 1.0);
        if (idf.Length < 2)
        {
            return idf;
        }

        for (var t = 0; t < idf.Length; t++)
        {
            double df = _view.CountUpTo(FtsStats.TitleIndex, "{title} : " + _query.Terms[t], DfCap);
            idf[t] = Math.Log(1 + ((Math.Max(_view.Titles, df) - df + 0.5) / (df + 0.5)));
        }

        return idf;
    }

    /// <summary>How often <paramref name="term"/> occurs among <paramref name="tokens"/>, as FTS5 would match it.</summary>
    public static int Occurrences(string[] tokens, QueryTerm term)
    {
        var wanted = term.Tokens;
        if (term.Kind == QueryTermKind.AllOf)
        {
            var min = int.MaxValue;
            foreach (var token in wanted)
            {
                min = Math.Min(min, tokens.Count(t => string.Equals(t, token, StringComparison.Ordinal)));
            }

            return min == int.MaxValue ? 0 : min;
        }

        var count = 0;
        for (var start = 0; start + wanted.Count <= tokens.Length; start++)
        {
            var k = 0;
            while (k < wanted.Count && Same(tokens[start + k], wanted[k], term.Kind == QueryTermKind.Prefix && k == wanted.Count - 1))
            {
                k++;
            }

            count += k == wanted.Count && wanted.Count > 0 ? 1 : 0;
        }

        return count;
    }

    private static bool Same(string token, string wanted, bool prefix)
        => prefix ? token.StartsWith(wanted, StringComparison.Ordinal) : string.Equals(token, wanted, StringComparison.Ordinal);
}
