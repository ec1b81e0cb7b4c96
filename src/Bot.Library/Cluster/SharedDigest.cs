using Bot.Digests.Model;


namespace Bot.Library.Cluster;

/// <summary>One digest as the cluster holds it: the parsed digest, its content hash, where it came from, and its revision.</summary>
public sealed record SharedDigest(Digest Digest, string Hash, string Source, long Revision);
