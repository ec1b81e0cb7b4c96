namespace Bot.Library.Search;

/// <summary>How <see cref="SearchText"/> treats a character.</summary>
internal enum CharKind
{
    /// <summary>Separators, punctuation, emoji.</summary>
    Other,

    /// <summary>Latin and other alphabetic letters and digits: whole lowercased words.</summary>
    Word,

    /// <summary>Hangul, kana and Han: overlapping bigrams.</summary>
    Cjk,
}
