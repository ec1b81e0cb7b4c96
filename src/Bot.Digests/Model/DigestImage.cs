namespace Bot.Digests.Model;

/// <summary>An image inside an entry, with the <c>_caption_</c> line that follows it, if any.</summary>
public sealed record DigestImage(string Src, string? Caption);
