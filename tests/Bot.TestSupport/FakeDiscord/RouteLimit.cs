namespace Bot.TestSupport.FakeDiscord;

/// <summary>A route's bucket in the fake: key (template and major parameter), hash (as in <c>X-RateLimit-Bucket</c>), limit and period.</summary>
internal sealed record RouteLimit(string Key, string BucketHash, int Limit, TimeSpan Period);
