namespace Bot.Digests.Model;

/// <summary>A bullet or numbered item, as plain text, with its nesting depth (0 = top level).</summary>
public sealed record Bullet(string Text, int Depth);
