namespace Bot.Core.Commands;

/// <summary>Options of <c>/subscribe</c>; nulls take the defaults of the configuration.</summary>
/// <param name="Sections">Comma-separated section keys, or null/<c>*</c> for all.</param>
public sealed record SubscribeArguments(string? Name = null, string? Sections = null, string? Cron = null, string? TimeZone = null, int? EntriesPerSection = null);
