using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Library.Search;

/// <summary>
/// Turns user text into an FTS5 MATCH expression. The text is never query syntax: it is segmented
/// with <see cref="SearchText"/> and every token is emitted as a quoted string, so quotes, <c>*</c>,
/// <c>AND</c>/<c>OR</c>/<c>NEAR(</c>, <c>-</c>, parentheses and SQL fragments are plain words or separators.
/// </summary>
internal sealed partial class FtsQuery
{
    private const int MaxQueryChars = 1_000;
    private const int MaxTerms = 16;

    private FtsQuery(IReadOnlyList<string> terms, IReadOnlyList<QueryTerm> parts, IReadOnlyList<string> atoms, IReadOnlyList<IReadOnlyList<string>> termAtoms)
    {
        Terms = terms;
        Parts = parts;
        Atoms = atoms;
        TermAtoms = termAtoms;
    }

    /// <summary>The quoted terms; empty when the text holds nothing searchable (only emoji or punctuation).</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>The same terms as tokens, for matching titles in C# (<see cref="TitleScorer"/>); one per entry of <see cref="Terms"/>.</summary>
    public IReadOnlyList<QueryTerm> Parts { get; }

    /// <summary>
    /// The distinct MATCH expressions whose AND is <see cref="All"/> (each Korean bigram of a word, each phrase or
    /// prefix): <see cref="MatchCache"/> intersects them in memory when some are very common.
    /// </summary>
    public IReadOnlyList<string> Atoms { get; }

    /// <summary>The atoms of each term (one list per entry of <see cref="Terms"/>): a term matches where all of its atoms do.</summary>
    public IReadOnlyList<IReadOnlyList<string>> TermAtoms { get; }

    /// <summary>True when there is nothing to search for.</summary>
    public bool IsEmpty => Terms.Count == 0;

    /// <summary>Every term must match (in any column).</summary>
    public string All => string.Join(" AND ", Terms);

    /// <summary>Any term may match; the fallback when <see cref="All"/> finds nothing.</summary>
    public string Any => string.Join(" OR ", Terms);

    /// <summary>Every term must match in the title column.</summary>
    public string TitleAll => "{title} : (" + All + ")";

    /// <summary>Any term matches in the title column.</summary>
    public string TitleAny => "{title} : (" + Any + ")";

    /// <summary>Builds the expression for <paramref name="text"/>; with <paramref name="prefixLast"/> the last word also matches as a prefix (autocomplete).</summary>
    public static FtsQuery Parse(string? text, bool prefixLast = false)
    {
        var terms = new List<string>();
        var parts = new List<QueryTerm>();
        var atoms = new List<string>();
        var termAtoms = new List<IReadOnlyList<string>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new FtsQuery(terms, parts, atoms, termAtoms);
        }

        if (text.Length > MaxQueryChars)
        {
            text = text[..MaxQueryChars];
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var w = 0; w < words.Length; w++)
        {
            if (terms.Count >= MaxTerms)
            {
                break;
            }

            var word = Canonicalize(words[w]);
            var segments = SearchText.Segment(word);
            for (var s = 0; s < segments.Count && terms.Count < MaxTerms; s++)
            {
                var (kind, tokens) = segments[s];
                if (tokens.Count == 0)
                {
                    continue;
                }

                string term;
                QueryTerm part;
                if (kind == CharKind.Cjk)
                {
                    if (tokens.Count == 1 && tokens[0].Length == 1)
                    {
                        // A lone syllable is a particle ("LLM을") or noise beside other words; alone, it matches as a prefix.
                        if (s > 0 || segments.Count > 1 || words.Length > 1)
                        {
                            continue;
                        }

                        term = Quote(tokens) + "*";
                        part = new QueryTerm(tokens, QueryTermKind.Prefix);
                    }
                    else
                    {
                        // Bigrams of one Korean word are ANDed, not a phrase: a phrase makes FTS5 check positions
                        // across the huge doclists of common bigrams (BM25's document count runs it a second time),
                        // which made these the slowest queries; adjacency adds little precision for real words.
                        // Non-overlapping bigrams (plus the last) still cover every syllable, with half the doclists to read.
                        var cover = tokens.Where((_, k) => k % 2 == 0 || k == tokens.Count - 1).ToList();
                        term = cover.Count == 1 ? Quote(cover) : "(" + string.Join(" AND ", cover.Select(t => Quote([t]))) + ")";
                        part = new QueryTerm(cover, QueryTermKind.AllOf);
                    }
                }
                else
                {
                    term = Quote(tokens);
                    part = new QueryTerm(tokens, QueryTermKind.Phrase);
                }

                if (prefixLast && w == words.Length - 1 && s == segments.Count - 1 && !char.IsWhiteSpace(text[^1]) && term.EndsWith('"'))
                {
                    term += "*";
                    part = new QueryTerm(part.Tokens, QueryTermKind.Prefix);
                }

                if (!terms.Contains(term))
                {
                    terms.Add(term);
                    parts.Add(part);
                    List<string> own = part.Kind == QueryTermKind.AllOf && part.Tokens.Count > 1 ? [.. part.Tokens.Select(t => Quote([t]))] : [term];
                    termAtoms.Add(own);
                    atoms.AddRange(own.Where(a => !atoms.Contains(a)));
                }
            }
        }

        return new FtsQuery(terms, parts, atoms, termAtoms);
    }

    // An arXiv URL or "arXiv:2305.17493v2" becomes the bare id; a DOI URL becomes the DOI. The patterns are linear, so
    // their time limit is only ever hit when the machine starves the thread: the word is then searched as typed rather than
    // failing the user's command.
    private static string Canonicalize(string word)
    {
        try
        {
            return CanonicalizeOrThrow(word);
        }
        catch (RegexMatchTimeoutException)
        {
            return word;
        }
    }

    private static string CanonicalizeOrThrow(string word)
    {
        var arxiv = ArxivId().Match(word);
        if (arxiv.Success && (arxiv.Length == word.Length || word.Contains("arxiv", StringComparison.OrdinalIgnoreCase)))
        {
            return arxiv.Groups["id"].Value;
        }

        var doi = Doi().Match(word);
        if (doi.Success)
        {
            return doi.Value.TrimEnd('.', ',', ')', ']');
        }

        return word;
    }

    private static string Quote(List<string> tokens)
    {
        var sb = new StringBuilder("\"");
        for (var k = 0; k < tokens.Count; k++)
        {
            if (k > 0)
            {
                sb.Append(' ');
            }

            sb.Append(tokens[k].Replace("\"", "\"\"", StringComparison.Ordinal));
        }

        return sb.Append('"').ToString();
    }

    [GeneratedRegex(@"(?<![\d.])(?<id>\d{4}\.\d{4,5})(v\d+)?(?:\.pdf)?(?![\d])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ArxivId();

    [GeneratedRegex(@"10\.\d{4,9}/[^\s?#]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Doi();
}
