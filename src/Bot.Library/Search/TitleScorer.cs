using Microsoft.Data.Sqlite;

namespace Bot.Library;

/// <summary>
/// Ranks a bounded set of matches in C#, without FTS5's bm25(): its IDF reads each phrase's whole doclist
/// (several milliseconds for common Korean bigrams). Titles are short, so each candidate's title is segmented
/// here exactly as the index does (<see cref="EntryRows.TitleTokens"/>) and scored with BM25 (k1 1.2, b 0.75);
/// the IDF of a term comes from its document frequency among titles (title_fts, counted up to
/// <see cref="DfCap"/>). A term not in the title is in the body or references (every candidate holds every
/// term); it scores as one occurrence there, normalised by the entry's body length from FTS5's docsize table.
/// </summary>
internal sealed class TitleScorer
{
    /// <summary>Title document frequencies are counted up to this many; a term this common weighs little anyway.</summary>
    public const int DfCap = 5_000;

    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double TitleWeight = 4.0;

    private readonly IReadOnlyList<QueryTerm> _terms;
    private readonly double[] _idf;
    private readonly double _averageTitle;
    private readonly double _averageBody;

    private TitleScorer(IReadOnlyList<QueryTerm> terms, double[] idf, double averageTitle, double averageBody)
    {
        _terms = terms;
        _idf = idf;
        _averageTitle = averageTitle;
        _averageBody = averageBody;
    }

    /// <summary>Reads the averages and, for queries of several terms, each term's title document frequency.</summary>
    public static TitleScorer Create(SqliteConnection connection, FtsQuery query)
    {
        var (rows, averages) = FtsStats.Averages(connection, "entry_fts", 3);
        var idf = new double[query.Parts.Count];
        Array.Fill(idf, 1.0);
        if (query.Parts.Count > 1)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM title_fts WHERE title_fts MATCH @q LIMIT {DfCap})";
            var parameter = command.Parameters.Add("@q", SqliteType.Text);
            for (var t = 0; t < query.Terms.Count; t++)
            {
                parameter.Value = "{title} : " + query.Terms[t];
                var df = Convert.ToDouble(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                idf[t] = Math.Log(1 + ((Math.Max(rows, df) - df + 0.5) / (df + 0.5)));
            }
        }

        return new TitleScorer(query.Parts, idf, averages[0], averages[1] + averages[2]);
    }

    /// <summary>
    /// The score of one candidate (higher is better) and whether its title holds a term. With
    /// <paramref name="bodyLength"/> null the body is not known to hold the other terms (any-word matches),
    /// so only the title counts.
    /// </summary>
    public (bool TitleHit, double Score) Score(string title, int? bodyLength)
    {
        var tokens = EntryRows.TitleTokens(title).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var titleNorm = K1 * (1 - B + (B * tokens.Length / _averageTitle));
        var bodyNorm = K1 * (1 - B + (B * (bodyLength ?? 0) / _averageBody));
        double inTitle = 0, elsewhere = 0;
        for (var t = 0; t < _terms.Count; t++)
        {
            var tf = Occurrences(tokens, _terms[t]);
            if (tf > 0)
            {
                inTitle += _idf[t] * tf * (K1 + 1) / (tf + titleNorm);
            }
            else if (bodyLength is not null)
            {
                elsewhere += _idf[t] * (K1 + 1) / (1 + bodyNorm);
            }
        }

        return (inTitle > 0, (TitleWeight * inTitle) + elsewhere);
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
