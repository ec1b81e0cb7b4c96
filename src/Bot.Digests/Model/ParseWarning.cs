namespace Bot.Digests.Model;

/// <summary>Something odd in a digest that did not stop it from parsing.</summary>
/// <param name="Code">Stable code such as <c>footnote-undefined</c>, <c>definition-empty</c>.</param>
/// <param name="Line">1-based line in the source, or 0 when the file as a whole is meant.</param>
public sealed record ParseWarning(string Code, string Message, int Line);
