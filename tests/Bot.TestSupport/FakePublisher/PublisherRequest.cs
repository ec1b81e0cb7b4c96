namespace Bot.TestSupport.FakePublisher;

/// <summary>One request the fake publisher saw.</summary>
public sealed record PublisherRequest(string Path, string? IfNoneMatch, string? IfModifiedSince, int Status, string UserAgent);
