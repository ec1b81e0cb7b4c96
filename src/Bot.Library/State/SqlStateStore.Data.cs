using System.Text.Json;

namespace Bot.Library.State;

/// <summary>Row shapes as Dapper reads them (both engines return 64-bit integers).</summary>
public sealed partial class SqlStateStore
{
    private sealed class SubscriptionData
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string Scope { get; set; } = "";
        public string Source { get; set; } = "";
        public string Target { get; set; } = "";
        public string Sections { get; set; } = "[]";
        public string IncludeTerms { get; set; } = "[]";
        public string ExcludeTerms { get; set; } = "[]";
        public string Cron { get; set; } = "";
        public string TimeZone { get; set; } = "";
        public long EntriesPerSection { get; set; }
        public long SectionSpacingMs { get; set; }
        public long Thread { get; set; }
        public string? MentionRoleId { get; set; }
        public long CreatedAt { get; set; }
        public long? LastFiredAt { get; set; }

        public long Published { get; set; }

        public SubscriptionRecord ToRecord() => new(
            Id, Name, Source, Target, List(Sections), List(IncludeTerms), List(ExcludeTerms), Cron, TimeZone,
            (int)EntriesPerSection, TimeSpan.FromMilliseconds(SectionSpacingMs), Thread != 0, MentionRoleId,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt), FromMs(LastFiredAt)) { Scope = Scope, Published = Published != 0 };

        private static List<string> List(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }

    private sealed class RowData
    {
        public long Id { get; set; }
        public long SubscriptionId { get; set; }
        public string DigestId { get; set; } = "";
        public string SectionKey { get; set; } = "";
        public long Position { get; set; }
        public string State { get; set; } = "pending";
        public long DueAt { get; set; }
        public long Attempts { get; set; }
        public string? MessageId { get; set; }
        public string? ThreadId { get; set; }
        public string? LastError { get; set; }
        public long? ClaimedUntil { get; set; }
        public long? SentAt { get; set; }

        public string? ClaimedBy { get; set; }

        public long LookFirst { get; set; }

        public long? AttemptedAt { get; set; }

        public string? MessageIds { get; set; }

        public string? ContentHash { get; set; }

        public long? EditedAt { get; set; }

        public LedgerRow ToRow() => new(
            Id, SubscriptionId, DigestId, SectionKey, (int)Position, Enum.Parse<LedgerState>(State, ignoreCase: true),
            DateTimeOffset.FromUnixTimeMilliseconds(DueAt), (int)Attempts, MessageId, ThreadId, LastError,
            FromMs(ClaimedUntil), FromMs(SentAt), ClaimedBy, LookFirst != 0, FromMs(AttemptedAt), MessageIds, ContentHash, FromMs(EditedAt));
    }
}
