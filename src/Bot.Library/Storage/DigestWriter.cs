using System.Globalization;
using System.Text;
using Bot.Digests.Model;
using Bot.Library.Ingestion;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Storage;

/// <summary>
/// Stores digests on one open connection with prepared commands. Each digest is written in one
/// transaction: a new digest is inserted; a changed one is updated in place (same digest and entry
/// row ids); any failure rolls the whole digest back, so what was stored before stays intact.
/// </summary>
internal sealed class DigestWriter : IDisposable
{
    /// <summary>Entry row ids carry the digest's day number above this many bits.</summary>
    public const int RowidDayShift = 20;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _findDigest;
    private readonly SqliteCommand _insertDigest;
    private readonly SqliteCommand _updateDigest;
    private readonly SqliteCommand _deleteSections;
    private readonly SqliteCommand _insertSection;
    private readonly SqliteCommand _existingEntries;
    private readonly SqliteCommand _insertEntry;
    private readonly SqliteCommand _updateEntry;
    private readonly SqliteCommand _deleteEntry;
    private readonly SqliteCommand _deleteRefs;
    private readonly SqliteCommand _insertRef;
    private readonly SqliteCommand _deleteFts;
    private readonly SqliteCommand _insertFts;
    private readonly SqliteCommand _deleteTitleFts;
    private readonly SqliteCommand _insertTitleFts;
    private readonly SqliteCommand _deleteTitleLength;
    private readonly SqliteCommand _insertTitleLength;
    private readonly SqliteCommand _bumpGeneration;
    private readonly SqliteCommand _maxRowid;
    private readonly HashSet<long> _ftsDeletes = [];
    private readonly SortedDictionary<long, (string Title, string Body, string Refs, string Meta)> _ftsInserts = [];

    public DigestWriter(SqliteConnection connection)
    {
        _connection = connection;

        // Child rows are deleted explicitly below; without foreign key checks an INSERT needs no statement
        // journal, which also spares FTS5 a flush. BotDatabase.Open turns them on again for the next user.
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA foreign_keys=OFF";
            pragma.ExecuteNonQuery();
        }

        _findDigest = Command("SELECT rowid, content_hash FROM digests WHERE id = @id", "@id");
        const string digestColumns = "@id, @title, @date, @format, @tags, @categories, @author, @description, @summary, @slug, @permalink, @warnings, @hash, @source, @at";
        string[] digestParameters = ["@id", "@title", "@date", "@format", "@tags", "@categories", "@author", "@description", "@summary", "@slug", "@permalink", "@warnings", "@hash", "@source", "@at"];
        _insertDigest = Command(
            "INSERT INTO digests (id, title, date, format, tags, categories, author, description, summary, slug, permalink, warnings, content_hash, source, ingested_at) " +
            $"VALUES ({digestColumns}) RETURNING rowid", digestParameters);
        _updateDigest = Command(
            "UPDATE digests SET title = @title, date = @date, format = @format, tags = @tags, categories = @categories, author = @author, " +
            "description = @description, summary = @summary, slug = @slug, permalink = @permalink, warnings = @warnings, content_hash = @hash, " +
            "source = @source, ingested_at = @at WHERE id = @id", digestParameters);
        _deleteSections = Command("DELETE FROM digest_sections WHERE digest_rowid = @d", "@d");
        _insertSection = Command("INSERT INTO digest_sections (digest_rowid, ord, key, title) VALUES (@d, @ord, @key, @title)", "@d", "@ord", "@key", "@title");
        _existingEntries = Command("SELECT id, rowid FROM entries WHERE digest_rowid = @d", "@d");
        string[] entryParameters = ["@id", "@d", "@sord", "@ord", "@skey", "@title", "@line", "@bullets", "@images", "@paper", "@group"];
        _insertEntry = Command(
            "INSERT INTO entries (rowid, id, digest_rowid, section_ord, ord, section_key, title, line, bullets, images, is_paper, group_key) " +
            "VALUES (@rowid, @id, @d, @sord, @ord, @skey, @title, @line, @bullets, @images, @paper, @group) RETURNING rowid", [.. entryParameters, "@rowid"]);
        _maxRowid = Command("SELECT MAX(rowid) FROM entries WHERE rowid BETWEEN @lo AND @hi", "@lo", "@hi");
        _updateEntry = Command(
            "UPDATE entries SET digest_rowid = @d, section_ord = @sord, ord = @ord, section_key = @skey, title = @title, line = @line, " +
            "bullets = @bullets, images = @images, is_paper = @paper, group_key = @group WHERE id = @id", entryParameters);
        _deleteEntry = Command("DELETE FROM entries WHERE rowid = @r", "@r");
        _deleteRefs = Command("DELETE FROM entry_refs WHERE entry_rowid = @r", "@r");
        _insertRef = Command(
            "INSERT INTO entry_refs (entry_rowid, ord, label, title, url, canonical_url, kind, arxiv_id, doi, ref_key) " +
            "VALUES (@r, @ord, @label, @title, @url, @canonical, @kind, @arxiv, @doi, @key)",
            "@r", "@ord", "@label", "@title", "@url", "@canonical", "@kind", "@arxiv", "@doi", "@key");
        _deleteFts = Command("DELETE FROM entry_fts WHERE rowid = @r", "@r");
        _insertFts = Command("INSERT INTO entry_fts (rowid, title, body, refs, meta) VALUES (@r, @title, @body, @refs, @meta)", "@r", "@title", "@body", "@refs", "@meta");
        _deleteTitleFts = Command("DELETE FROM title_fts WHERE rowid = @r", "@r");
        _insertTitleFts = Command("INSERT INTO title_fts (rowid, title, meta) VALUES (@r, @title, @meta)", "@r", "@title", "@meta");
        _deleteTitleLength = Command("DELETE FROM title_lengths WHERE rowid = @r RETURNING tokens", "@r");
        _insertTitleLength = Command("INSERT INTO title_lengths (rowid, tokens) VALUES (@r, @n)", "@r", "@n");
        _bumpGeneration = Command(
            "UPDATE search_generation SET value = value + 1, titles = titles + @titles, title_tokens = title_tokens + @tokens WHERE id = 1", "@titles", "@tokens");
    }

    /// <summary>The stored content hash of a digest, or null when it is not stored.</summary>
    public string? StoredHash(string digestId, SqliteTransaction? transaction = null)
    {
        _findDigest.Transaction = transaction;
        _findDigest.Parameters["@id"].Value = digestId;
        using var reader = _findDigest.ExecuteReader();
        return reader.Read() ? reader.GetString(1) : null;
    }

    /// <summary>Stores <paramref name="digest"/> in its own transaction. Throws (after rolling back) on failure.</summary>
    public IngestOutcome Store(Digest digest, string contentHash, string source, DateTimeOffset now)
    {
        Validate(digest);
        if (StoredHash(digest.Id) == contentHash)
        {
            return IngestOutcome.Unchanged;
        }

        using var transaction = _connection.BeginTransaction();
        try
        {
            var outcome = Store(digest, contentHash, source, now, transaction);
            WriteIndex(transaction);
            transaction.Commit();
            return outcome;
        }
        finally
        {
            DiscardIndex();
        }
    }

    /// <summary>
    /// Writes the pending FTS changes of this transaction (both indexes: entry_fts and the title-only title_fts):
    /// deletes first, then inserts in rowid order, with the figures kept beside them (each title's length in
    /// <c>title_lengths</c>; the number of titles, their total length and the search cache's key in <c>search_generation</c>).
    /// They are held back to the end on purpose: any statement that opens a statement journal (foreign
    /// keys, multi-row deletes) makes FTS5 flush its pending terms as a new segment, and doing that once
    /// per entry made ingestion about four times slower.
    /// </summary>
    public void WriteIndex(SqliteTransaction transaction)
    {
        if (_ftsDeletes.Count == 0 && _ftsInserts.Count == 0)
        {
            return;
        }

        long titles = 0, tokens = 0;
        foreach (var rowid in _ftsDeletes)
        {
            Run(_deleteFts, transaction, ("@r", rowid));
            Run(_deleteTitleFts, transaction, ("@r", rowid));
            _deleteTitleLength.Transaction = transaction;
            _deleteTitleLength.Parameters["@r"].Value = rowid;
            if (_deleteTitleLength.ExecuteScalar() is long length)
            {
                titles--;
                tokens -= length;
            }
        }

        // Each title counted once: in C# when it is plain, else by FTS5 (all such titles of the transaction together).
        var plain = _ftsInserts.ToDictionary(i => i.Key, i => TitleLengths.Plain(i.Value.Title));
        var counted = TitleLengths.CountByFts5(_connection, transaction, [.. _ftsInserts.Where(i => plain[i.Key] is null).Select(i => (i.Key, i.Value.Title))]);
        foreach (var (rowid, texts) in _ftsInserts)
        {
            Run(_insertFts, transaction, ("@r", rowid), ("@title", texts.Title), ("@body", texts.Body), ("@refs", texts.Refs), ("@meta", texts.Meta));
            Run(_insertTitleFts, transaction, ("@r", rowid), ("@title", texts.Title), ("@meta", texts.Meta));
            var length = plain[rowid] ?? counted[rowid];
            Run(_insertTitleLength, transaction, ("@r", rowid), ("@n", length));
            titles++;
            tokens += length;
        }

        // The search cache's key: committed with the index changes or not at all (MatchCache).
        Run(_bumpGeneration, transaction, ("@titles", titles), ("@tokens", tokens));
        DiscardIndex();
    }

    /// <summary>Forgets pending FTS changes (after a rollback).</summary>
    public void DiscardIndex()
    {
        _ftsDeletes.Clear();
        _ftsInserts.Clear();
    }

    /// <summary>Throws when the digest cannot be stored as it is, before anything is written.</summary>
    public static void Validate(Digest digest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(digest.Id);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in digest.Entries)
        {
            if (string.IsNullOrEmpty(entry.Id) || !ids.Add(entry.Id))
            {
                throw new InvalidOperationException($"entry id '{entry.Id}' is empty or used twice in digest '{digest.Id}'");
            }
        }
    }

    /// <summary>
    /// Stores <paramref name="digest"/> inside <paramref name="transaction"/>: Added, Updated (in place, keeping
    /// digest and entry row ids) or Unchanged (same hash). The caller commits or rolls back.
    /// </summary>
    public IngestOutcome Store(Digest digest, string contentHash, string source, DateTimeOffset now, SqliteTransaction transaction, IReadOnlyDictionary<string, EntryRows>? rows = null)
    {
        var stored = StoredHash(digest.Id, transaction);
        if (stored == contentHash)
        {
            return IngestOutcome.Unchanged;
        }

        long digestRowid;
        if (stored is null)
        {
            Bind(_insertDigest, transaction, digest, contentHash, source, now);
            digestRowid = (long)_insertDigest.ExecuteScalar()!;
        }
        else
        {
            Bind(_updateDigest, transaction, digest, contentHash, source, now);
            _updateDigest.ExecuteNonQuery();
            _findDigest.Transaction = transaction;
            using var reader = _findDigest.ExecuteReader();
            reader.Read();
            digestRowid = reader.GetInt64(0);
        }

        Run(_deleteSections, transaction, ("@d", digestRowid));
        var existing = new Dictionary<string, long>(StringComparer.Ordinal);
        _existingEntries.Transaction = transaction;
        _existingEntries.Parameters["@d"].Value = digestRowid;
        using (var reader = _existingEntries.ExecuteReader())
        {
            while (reader.Read())
            {
                existing[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        // New entries get row ids ordered by digest date, so "newest first" is FTS5's cheap rowid order.
        var nextRowid = NextRowid(transaction, digest.Date);
        for (var s = 0; s < digest.Sections.Count; s++)
        {
            var section = digest.Sections[s];
            Run(_insertSection, transaction, ("@d", digestRowid), ("@ord", s), ("@key", section.Key), ("@title", section.Title));
            for (var e = 0; e < section.Entries.Count; e++)
            {
                StoreEntry(transaction, digestRowid, s, section, e, existing, rows, ref nextRowid);
            }
        }

        foreach (var gone in existing.Values)
        {
            _ftsDeletes.Add(gone);
            _ftsInserts.Remove(gone);
            Run(_deleteRefs, transaction, ("@r", gone));
            Run(_deleteEntry, transaction, ("@r", gone));
        }

        return stored is null ? IngestOutcome.Added : IngestOutcome.Updated;
    }

    /// <summary>Row ids are <c>dayNumber &lt;&lt; 20 | sequence</c>; undated digests use day 0.</summary>
    private long NextRowid(SqliteTransaction transaction, DateOnly? date)
    {
        var low = (long)(date?.DayNumber ?? 0) << RowidDayShift;
        _maxRowid.Transaction = transaction;
        _maxRowid.Parameters["@lo"].Value = low;
        _maxRowid.Parameters["@hi"].Value = low + (1L << RowidDayShift) - 1;
        var max = _maxRowid.ExecuteScalar();
        return max is long value ? value + 1 : low + 1;
    }

    private void StoreEntry(SqliteTransaction transaction, long digestRowid, int sectionOrd, Section section, int ord, Dictionary<string, long> existing, IReadOnlyDictionary<string, EntryRows>? rows, ref long nextRowid)
    {
        var entry = section.Entries[ord];
        var primary = entry.PrimaryReference;
        var isPaper = IsPaperSection(section) || primary?.Kind == ReferenceKind.Paper;
        var command = existing.Remove(entry.Id, out var rowid) ? _updateEntry : _insertEntry;
        command.Transaction = transaction;
        var p = command.Parameters;
        p["@id"].Value = entry.Id;
        p["@d"].Value = digestRowid;
        p["@sord"].Value = sectionOrd;
        p["@ord"].Value = ord;
        p["@skey"].Value = section.Key;
        p["@title"].Value = entry.Title;
        p["@line"].Value = entry.Line;
        var texts = rows is not null && rows.TryGetValue(entry.Id, out var ready) ? ready : EntryRows.For(entry);
        p["@bullets"].Value = texts.Bullets;
        p["@images"].Value = texts.Images;
        p["@paper"].Value = isPaper ? 1 : 0;
        p["@group"].Value = primary is null ? "entry:" + entry.Id : RefKey(primary);
        if (command == _updateEntry)
        {
            command.ExecuteNonQuery();
            Run(_deleteRefs, transaction, ("@r", rowid));
            _ftsDeletes.Add(rowid);
        }
        else
        {
            p["@rowid"].Value = nextRowid++;
            rowid = (long)command.ExecuteScalar()!;
        }

        for (var r = 0; r < entry.References.Count; r++)
        {
            var reference = entry.References[r];
            Run(_insertRef, transaction, ("@r", rowid), ("@ord", r), ("@label", reference.Label), ("@title", reference.Title), ("@url", reference.Url),
                ("@canonical", reference.CanonicalUrl), ("@kind", (int)reference.Kind), ("@arxiv", reference.ArxivId), ("@doi", reference.Doi), ("@key", RefKey(reference)));
        }

        _ftsInserts[rowid] = (texts.Title, texts.Body, texts.Refs, MetaTokens(section.Key, isPaper));
    }

    /// <summary>
    /// Filter tokens for the <c>meta</c> column, so section and papers filters run inside FTS5:
    /// <c>kpaper</c> for paper entries and <c>s</c> + a hash of the section key.
    /// </summary>
    public static string MetaTokens(string sectionKey, bool isPaper)
        => isPaper ? SectionToken(sectionKey) + " " + PaperToken : SectionToken(sectionKey);

    /// <summary>The meta token of paper entries.</summary>
    public const string PaperToken = "kpaper";

    /// <summary>The meta token of a section key (letters and digits only, whatever the key's script).</summary>
    public static string SectionToken(string sectionKey)
        => "s" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(sectionKey.Trim().ToLowerInvariant())))[..16];

    /// <summary>The key under which citations of one work are matched across digests.</summary>
    public static string RefKey(Reference reference)
    {
        if (!string.IsNullOrEmpty(reference.ArxivId))
        {
            return "arxiv:" + reference.ArxivId;
        }

        if (!string.IsNullOrEmpty(reference.Doi))
        {
            return "doi:" + reference.Doi.ToLowerInvariant();
        }

        return string.IsNullOrEmpty(reference.CanonicalUrl) ? reference.Url : reference.CanonicalUrl;
    }

    /// <summary>Papers sections: <c>papers</c>, <c>top-papers</c>, <c>논문</c> and the like.</summary>
    public static bool IsPaperSection(Section section)
        => section.Key.Contains("paper", StringComparison.OrdinalIgnoreCase) || section.Key.Contains("논문", StringComparison.Ordinal);

    public void Dispose()
    {
        foreach (var command in new[] { _maxRowid, _findDigest, _insertDigest, _updateDigest, _deleteSections, _insertSection, _existingEntries, _insertEntry, _updateEntry, _deleteEntry, _deleteRefs, _insertRef, _deleteFts, _insertFts, _deleteTitleFts, _insertTitleFts, _deleteTitleLength, _insertTitleLength, _bumpGeneration })
        {
            command.Dispose();
        }
    }

    private static void Bind(SqliteCommand command, SqliteTransaction transaction, Digest digest, string hash, string source, DateTimeOffset now)
    {
        command.Transaction = transaction;
        var p = command.Parameters;
        p["@id"].Value = digest.Id;
        p["@title"].Value = digest.Title;
        p["@date"].Value = (object?)digest.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value;
        p["@format"].Value = (int)digest.Format;
        p["@tags"].Value = StoredJson.Strings(digest.Tags);
        p["@categories"].Value = StoredJson.Strings(digest.Categories);
        p["@author"].Value = (object?)digest.Author ?? DBNull.Value;
        p["@description"].Value = (object?)digest.Description ?? DBNull.Value;
        p["@summary"].Value = (object?)digest.Summary ?? DBNull.Value;
        p["@slug"].Value = (object?)digest.Slug ?? DBNull.Value;
        p["@permalink"].Value = (object?)digest.Permalink ?? DBNull.Value;
        p["@warnings"].Value = StoredJson.Warnings(digest.Warnings);
        p["@hash"].Value = hash;
        p["@source"].Value = source;
        p["@at"].Value = now.ToString("O", CultureInfo.InvariantCulture);
    }

    private static void Run(SqliteCommand command, SqliteTransaction transaction, params (string Name, object? Value)[] values)
    {
        command.Transaction = transaction;
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }
}
