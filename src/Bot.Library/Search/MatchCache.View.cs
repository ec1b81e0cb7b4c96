using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Search;

/// <summary>The per-search side of <see cref="MatchCache"/>.</summary>
internal sealed partial class MatchCache
{
    /// <summary>The cache as seen by one search (one connection, one state of the library).</summary>
    internal sealed class View
    {
        private readonly SqliteConnection _connection;
        private readonly Snapshot _snapshot;
        private readonly Lock _gate;
        private readonly int _commonDf;

        internal View(SqliteConnection connection, Snapshot snapshot, Lock gate, int commonDf)
        {
            _connection = connection;
            _snapshot = snapshot;
            _gate = gate;
            _commonDf = commonDf;
        }

        /// <summary>Rows of title_fts (= of entry_fts).</summary>
        public long Titles => _snapshot.Titles;

        /// <summary>The average title length in tokens (at least 1), for BM25's length normalisation.</summary>
        public double AverageTitleLength => _snapshot.AverageTitleLength;

        /// <summary>Rows of <paramref name="index"/> matching <paramref name="match"/>, counted up to <paramref name="cap"/> (memoised).</summary>
        public int CountUpTo(string index, string match, int cap)
        {
            var key = (index, match, cap);
            lock (_gate)
            {
                if (_snapshot.Counts.TryGetValue(key, out var known))
                {
                    return known;
                }
            }

            using var command = _connection.CreateCommand();
            command.CommandText = index switch
            {
                FtsStats.EntryIndex => "SELECT COUNT(*) FROM (SELECT 1 FROM entry_fts WHERE entry_fts MATCH @q LIMIT @cap)",
                FtsStats.TitleIndex => "SELECT COUNT(*) FROM (SELECT 1 FROM title_fts WHERE title_fts MATCH @q LIMIT @cap)",
                _ => throw new ArgumentOutOfRangeException(nameof(index), index, "Not a full-text index of the library."),
            };
            command.Parameters.AddWithValue("@q", match);
            command.Parameters.AddWithValue("@cap", cap);
            var count = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            lock (_gate)
            {
                if (_snapshot.Counts.Count >= MaxCounts)
                {
                    _snapshot.Counts.Clear();
                }

                _snapshot.Counts[key] = count;
            }

            return count;
        }

        /// <summary>The first <paramref name="max"/> rows (ascending) of <paramref name="index"/> matching <paramref name="match"/> (memoised; for short lists).</summary>
        public long[] Rowids(string index, string match, int max)
        {
            var key = (index, match, max);
            lock (_gate)
            {
                if (_snapshot.Rowids.TryGetValue(key, out var known))
                {
                    return known;
                }
            }

            var rowids = FtsStats.MatchRowids(_connection, index, match, max).ToArray();
            lock (_gate)
            {
                if (_snapshot.ListedRowids + rowids.Length > MaxListedRowids)
                {
                    _snapshot.Rowids.Clear();
                    _snapshot.ListedRowids = 0;
                }

                if (_snapshot.Rowids.TryAdd(key, rowids))
                {
                    _snapshot.ListedRowids += rowids.Length;
                }
            }

            return rowids;
        }

        /// <summary>
        /// The entry_fts rows matching every atom (their AND), ascending or with <paramref name="descending"/> newest
        /// first below <paramref name="before"/>, at most <paramref name="max"/>: exactly what FTS5 returns for the
        /// AND. Null when no atom is common (FTS5 alone is then cheap) or the cache cannot be used.
        /// </summary>
        public List<long>? MatchAll(IReadOnlyList<string> atoms, int max, bool descending = false, long before = long.MaxValue)
        {
            if (atoms.Count < 2)
            {
                return null;
            }

            var common = new List<string>();
            var rare = new List<string>();
            foreach (var atom in atoms)
            {
                var df = CountUpTo(FtsStats.EntryIndex, atom, _commonDf + 1);
                if (df == 0)
                {
                    return [];
                }

                (df > _commonDf ? common : rare).Add(atom);
            }

            if (common.Count == 0)
            {
                return null;
            }

            var ids = Ids();
            var bitmaps = new List<ulong[]>(common.Count);
            foreach (var atom in common)
            {
                var bitmap = ids.Length == 0 ? null : Bitmap(atom, ids);
                if (bitmap is null)
                {
                    return null;
                }

                bitmaps.Add(bitmap);
            }

            return rare.Count > 0
                ? Filter(string.Join(" AND ", rare), ids, bitmaps, max, descending, before)
                : Intersect(ids, bitmaps, max, descending, before);
        }

        // FTS5 matches the rare atoms (at most CommonDf rows); each row is kept when every common atom's bitmap has it.
        private List<long>? Filter(string rare, long[] ids, List<ulong[]> bitmaps, int max, bool descending, long before)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = descending
                ? "SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q AND rowid < @before ORDER BY rowid DESC"
                : "SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q AND rowid < @before ORDER BY rowid";
            command.Parameters.AddWithValue("@q", rare);
            command.Parameters.AddWithValue("@before", before);
            var rows = new List<long>();
            using var reader = command.ExecuteReader();
            while (rows.Count < max && reader.Read())
            {
                var rowid = reader.GetInt64(0);
                var k = Array.BinarySearch(ids, rowid);
                if (k < 0)
                {
                    return null;
                }

                if (bitmaps.TrueForAll(b => (b[k >> 6] & (1UL << (k & 63))) != 0))
                {
                    rows.Add(rowid);
                }
            }

            return rows;
        }

        private static List<long> Intersect(long[] ids, List<ulong[]> bitmaps, int max, bool descending, long before)
        {
            var end = Array.BinarySearch(ids, before);
            end = end < 0 ? ~end : end;
            var rows = new List<long>(Math.Min(max, 1_024));
            if (end == 0)
            {
                return rows;
            }

            var lastWord = (end - 1) >> 6;
            for (var n = 0; n <= lastWord && rows.Count < max; n++)
            {
                var w = descending ? lastWord - n : n;
                var bits = ulong.MaxValue;
                foreach (var bitmap in bitmaps)
                {
                    bits &= bitmap[w];
                }

                if (w == lastWord && (end & 63) != 0)
                {
                    bits &= (1UL << (end & 63)) - 1;
                }

                while (bits != 0 && rows.Count < max)
                {
                    var bit = descending ? 63 - BitOperations.LeadingZeroCount(bits) : BitOperations.TrailingZeroCount(bits);
                    bits &= ~(1UL << bit);
                    rows.Add(ids[(w << 6) + bit]);
                }
            }

            return rows;
        }

        private long[] Ids()
        {
            lock (_gate)
            {
                if (_snapshot.Ids is { } known)
                {
                    return known;
                }
            }

            // title_lengths has a row for every row of both indexes (DigestWriter.WriteIndex), and small rows to scan.
            var array = AllRowids("SELECT CAST(group_concat(rowid) AS BLOB) FROM title_lengths", null);
            lock (_gate)
            {
                _snapshot.Ids ??= array;
                return _snapshot.Ids;
            }
        }

        // The atom's rows as bits over Ids; null if FTS5 returns a row that title_lengths does not list (then the cache is not used).
        private ulong[]? Bitmap(string atom, long[] ids)
        {
            lock (_gate)
            {
                if (_snapshot.Bitmaps.TryGetValue(atom, out var known))
                {
                    return known;
                }
            }

            var bitmap = new ulong[(ids.Length + 63) >> 6];
            var k = 0;
            foreach (var rowid in AllRowids("SELECT CAST(group_concat(rowid) AS BLOB) FROM entry_fts WHERE entry_fts MATCH @q", atom))
            {
                while (k < ids.Length && ids[k] < rowid)
                {
                    k++;
                }

                if (k == ids.Length || ids[k] != rowid)
                {
                    return null;
                }

                bitmap[k >> 6] |= 1UL << (k & 63);
            }

            lock (_gate)
            {
                if (_snapshot.BitmapBytes + (bitmap.Length * 8L) > MaxBitmapBytes)
                {
                    _snapshot.Bitmaps.Clear();
                    _snapshot.BitmapBytes = 0;
                }

                if (_snapshot.Bitmaps.TryAdd(atom, bitmap))
                {
                    _snapshot.BitmapBytes += bitmap.Length * 8L;
                }
            }

            return bitmap;
        }

        /// <summary>
        /// Row ids from one <c>group_concat</c>, sorted: SQLite builds the list in C, ~2.5× faster than stepping a
        /// reader row by row (tens of thousands of rows for a common atom).
        /// </summary>
        private long[] AllRowids(string sql, string? match)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            if (match is not null)
            {
                command.Parameters.AddWithValue("@q", match);
            }

            // As a blob: the digits' bytes, without a UTF-16 copy (~1 MB for an atom in 80,000 entries).
            if (command.ExecuteScalar() is not byte[] text || text.Length == 0)
            {
                return [];
            }

            var span = text.AsSpan();
            var array = new long[span.Count((byte)',') + 1];
            var sorted = true;
            var n = 0;
            foreach (var range in span.Split((byte)','))
            {
                if (!Utf8Parser.TryParse(span[range], out long rowid, out var used) || used != range.GetOffsetAndLength(span.Length).Length)
                {
                    throw new FormatException("Unexpected row id list from SQLite.");
                }

                sorted &= n == 0 || array[n - 1] < rowid;
                array[n++] = rowid;
            }

            if (!sorted)
            {
                Array.Sort(array);
            }

            return array;
        }
    }
}
