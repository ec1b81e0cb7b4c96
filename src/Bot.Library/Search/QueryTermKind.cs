namespace Bot.Library.Search;

/// <summary>How the tokens of a <see cref="QueryTerm"/> must occur.</summary>
internal enum QueryTermKind
{
    /// <summary>Consecutive tokens (a Latin word, or words joined by hyphens, dots or slashes).</summary>
    Phrase,

    /// <summary>Every token, anywhere (the bigrams covering a Korean word).</summary>
    AllOf,

    /// <summary>A token starting with the (single) token (a lone syllable, or the last word while typing).</summary>
    Prefix,
}
