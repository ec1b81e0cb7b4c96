namespace Bot.Library.Search;

/// <summary>One query term as index tokens: a Korean word (all of its covering bigrams), a phrase, or a prefix.</summary>
internal sealed record QueryTerm(IReadOnlyList<string> Tokens, QueryTermKind Kind);
