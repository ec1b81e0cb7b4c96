namespace Bot.Core.Tests;

/// <summary>A text and the length it must be cut to.</summary>
public sealed record TruncationCase(string Text, int Max);
