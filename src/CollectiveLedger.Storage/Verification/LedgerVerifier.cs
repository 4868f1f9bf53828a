using System.Data.Common;
using System.Security.Cryptography;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;
using Microsoft.Data.Sqlite;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// Checks a ledger from entry 0: the chain (seq, prev, stored hash, canonical bytes), the anchors
/// held outside the database, and replay: the rows each entry implies (<see cref="Projection"/>)
/// against every table, row by row and cell by cell. Streams the log and the two large tables side
/// by side in key order, so memory stays bounded however long the log is.
/// </summary>
public static class LedgerVerifier
{
    public static VerifyReport Verify(LedgerStore store, IReadOnlyList<Anchor> anchors, IProgress<long>? progress = null, int maxProblems = 1000)
    {
        var connection = store.ConnectionForVerify;
        using var tx = connection.BeginTransaction(deferred: true);
        var run = new Run(maxProblems);
        var anchorsBySeq = anchors.GroupBy(a => a.Seq).ToDictionary(g => g.Key, g => g.ToList());
        var merkle = new MerkleTree();
        var state = new LedgerState();
        var small = Table.All.Where(t => !t.IntegerKeys).ToDictionary(t => t, _ => new SortedDictionary<string, Row>(StringComparer.Ordinal));
        using var vouchers = new LiveRows(connection, tx, Table.Vouchers);
        using var lines = new LiveRows(connection, tx, Table.VoucherLines);

        long expectedSeq = 0;
        var prev = Sha256Hex.Zero;
        string? headHash = null;
        long? headSeq = null;
        using (var log = Command(connection, tx, "SELECT seq, hash, entry FROM audit_log ORDER BY seq").ExecuteReader())
        {
            while (log.Read())
            {
                var seq = log.GetInt64(0);
                var storedHash = log.GetString(1);
                var bytes = (byte[])log.GetValue(2);
                var hash = Sha256Hex.Of(bytes);
                merkle.Append(bytes);
                if (seq != expectedSeq)
                    run.Add(new VerifyProblem(VerifyProblem.Chain, seq, $"expected entry {expectedSeq} here, found {seq}: entries are missing or out of order",
                        Expected: expectedSeq.ToString(), Actual: seq.ToString()));
                if (storedHash != hash)
                    run.Add(new VerifyProblem(VerifyProblem.Chain, seq, "the stored hash is not the SHA-256 of the stored entry",
                        Table: "audit_log", Key: seq.ToString(), Column: "hash", Expected: hash, Actual: storedHash));
                CheckAnchors(anchorsBySeq, seq, hash, run);
                ReplayEntry(seq, bytes, prev, state, small, vouchers, lines, run);
                prev = hash;
                headHash = hash;
                headSeq = seq;
                expectedSeq = seq + 1;
                if (expectedSeq % 10_000 == 0) progress?.Report(expectedSeq);
            }
        }
        progress?.Report(expectedSeq);

        foreach (var anchor in anchors.Where(a => a.Seq >= expectedSeq))
            run.Add(new VerifyProblem(VerifyProblem.Anchor, anchor.Seq,
                $"the log has {expectedSeq} entries but the anchor names entry {anchor.Seq}: the log was cut short or rolled back",
                Expected: anchor.Hash, Actual: "missing"));
        vouchers.ReportRemaining(run);
        lines.ReportRemaining(run);
        foreach (var (table, expected) in small) CompareSmallTable(connection, tx, table, expected, run);

        return new VerifyReport(expectedSeq, headSeq, headHash, merkle.Root(), run.Problems, run.Truncated);
    }

    private static void CheckAnchors(Dictionary<long, List<Anchor>> anchorsBySeq, long seq, string hash, Run run)
    {
        if (!anchorsBySeq.TryGetValue(seq, out var list)) return;
        foreach (var anchor in list.Where(a => a.Hash != hash))
            run.Add(new VerifyProblem(VerifyProblem.Anchor, seq, $"entry {seq} differs from the anchor: history was rewritten up to here",
                Expected: anchor.Hash, Actual: hash));
    }

    private static void ReplayEntry(long seq, byte[] bytes, string prev, LedgerState state, Dictionary<Table, SortedDictionary<string, Row>> small,
        LiveRows vouchers, LiveRows lines, Run run)
    {
        if (!CanonicalJson.IsCanonical(bytes, out var document, out var problem))
        {
            run.Add(new VerifyProblem(VerifyProblem.Canonical, seq, problem!));
            if (document is null) return;
        }
        using (document)
        {
            ParsedEntry entry;
            try
            {
                entry = ParsedEntry.From(document!.RootElement);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException)
            {
                run.Add(new VerifyProblem(VerifyProblem.Canonical, seq, "the entry cannot be read: " + e.Message));
                return;
            }
            if (entry.V != AuditEntry.Version)
                run.Add(new VerifyProblem(VerifyProblem.Canonical, seq, $"unknown format version {entry.V}"));
            if (entry.Seq != seq)
                run.Add(new VerifyProblem(VerifyProblem.Chain, seq, "the entry's seq differs from its position", Expected: seq.ToString(), Actual: entry.Seq.ToString()));
            if (entry.Prev != prev)
                run.Add(new VerifyProblem(VerifyProblem.Chain, seq, "prev is not the hash of the previous entry: the chain is broken here",
                    Expected: prev, Actual: entry.Prev));
            if ((seq == 0) != (entry.Event is LedgerCreated))
            {
                run.Add(new VerifyProblem(VerifyProblem.Replay, seq, "ledger.created must be entry 0 and only entry 0"));
                return;
            }
            foreach (var message in ReplayRules(entry.Event, state))
                run.Add(new VerifyProblem(VerifyProblem.Replay, seq, message));
            try
            {
                state.Apply(entry.Event);
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
            {
                run.Add(new VerifyProblem(VerifyProblem.Replay, seq, "the entry cannot be applied: " + e.Message));
                return;
            }
            foreach (var row in Projection.RowsFor(seq, entry.Event))
            {
                if (row.Table == Table.Vouchers) vouchers.Match(row, seq, run);
                else if (row.Table == Table.VoucherLines) lines.Match(row, seq, run);
                else if (!small[row.Table].TryAdd(row.Key, row))
                    run.Add(new VerifyProblem(VerifyProblem.Replay, seq, $"{row.Table.Name} {row.Key} is added twice", Table: row.Table.Name, Key: row.Key));
            }
        }
    }

    /// <summary>The posting rules, checked again on replay: a log forged with recomputed hashes still has to obey them.</summary>
    private static IEnumerable<string> ReplayRules(LedgerEvent e, LedgerState state)
    {
        switch (e)
        {
            case VoucherPosted { Voucher: var v }:
                if (state.IsClosed(v.Period)) yield return $"voucher {v.Key} is posted into the closed period {v.Period}";
                if (v.Date < state.StartDate) yield return $"voucher {v.Key} is dated before the ledger starts";
                if (v.Number != state.LastNumber(v.Period) + 1) yield return $"voucher {v.Key} breaks the gapless numbering of {v.Period}";
                foreach (var line in v.Lines.Where(l => !state.IsLeaf(l.Account)))
                    yield return $"voucher {v.Key} posts to {line.Account}, which is not a leaf account";
                foreach (var line in v.Lines)
                {
                    if (line.Fund is { } f && !state.HasDimension(DimensionKind.Fund, f)) yield return $"voucher {v.Key} names unknown fund {f}";
                    if (line.Member is { } m && !state.HasDimension(DimensionKind.Member, m)) yield return $"voucher {v.Key} names unknown member {m}";
                    if (line.Counterparty is { } c && !state.HasDimension(DimensionKind.Counterparty, c)) yield return $"voucher {v.Key} names unknown counterparty {c}";
                }
                break;
            case AccountAdded a:
                if (!state.Accounts.ContainsKey(a.Parent)) yield return $"account {a.Code} names unknown parent {a.Parent}";
                else if (state.Accounts.ContainsKey(a.Code)) yield return $"account {a.Code} is added twice";
                else if (!TextRules.IsCode(a.Code) || !a.Code.StartsWith(a.Parent, StringComparison.Ordinal)) yield return $"account {a.Code} does not extend {a.Parent}";
                break;
            case PeriodClosed c when state.IsClosed(c.Period):
                yield return $"period {c.Period} is closed twice";
                break;
        }
    }

    private static void CompareSmallTable(SqliteConnection connection, SqliteTransaction tx, Table table, SortedDictionary<string, Row> expected, Run run)
    {
        using var live = new LiveRows(connection, tx, table);
        foreach (var row in expected.Values) live.Match(row, null, run);
        live.ReportRemaining(run);
    }

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Problems collected so far, capped so that a wrecked database still gives a readable report.</summary>
    internal sealed class Run(int max)
    {
        public List<VerifyProblem> Problems { get; } = [];
        public bool Truncated { get; private set; }

        public void Add(VerifyProblem problem)
        {
            if (Problems.Count < max) Problems.Add(problem);
            else Truncated = true;
        }
    }

    /// <summary>
    /// A table's live rows in key order, consumed alongside the replayed rows (a merge join): a live
    /// row the replay skips was inserted behind our back; a replayed row with no live row was deleted.
    /// </summary>
    private sealed class LiveRows : IDisposable
    {
        private readonly Table _table;
        private readonly SqliteCommand _command;
        private readonly DbDataReader _reader;
        private object?[]? _current;

        public LiveRows(SqliteConnection connection, SqliteTransaction tx, Table table)
        {
            _table = table;
            _command = Command(connection, tx, table.SelectInKeyOrder);
            _reader = _command.ExecuteReader();
            Advance();
        }

        public void Match(Row expected, long? seq, Run run)
        {
            while (_current is not null && Compare(_current, expected.Values) < 0)
            {
                run.Add(Extra(_current));
                Advance();
            }
            if (_current is null || Compare(_current, expected.Values) > 0)
            {
                run.Add(new VerifyProblem(VerifyProblem.Replay, seq, $"{_table.Name} {expected.Key} is missing from the table (deleted?)",
                    Table: _table.Name, Key: expected.Key, Expected: "row", Actual: "missing"));
                return;
            }
            for (var i = _table.KeyColumns; i < _table.Columns.Length; i++)
            {
                if (!Cell.Same(expected.Values[i], _current[i]))
                    run.Add(new VerifyProblem(VerifyProblem.Replay, seq, $"{_table.Name} {expected.Key}: {_table.Columns[i]} differs from what the log says",
                        Table: _table.Name, Key: expected.Key, Column: _table.Columns[i], Expected: Cell.Text(expected.Values[i]), Actual: Cell.Text(_current[i])));
            }
            Advance();
        }

        public void ReportRemaining(Run run)
        {
            for (; _current is not null; Advance()) run.Add(Extra(_current));
        }

        private VerifyProblem Extra(object?[] live)
        {
            var key = new Row(_table, live).Key;
            return new VerifyProblem(VerifyProblem.Replay, null, $"{_table.Name} {key} is in the table but no entry of the log made it (inserted?)",
                Table: _table.Name, Key: key, Expected: "missing", Actual: "row");
        }

        private int Compare(object?[] live, object?[] expected)
        {
            for (var i = 0; i < _table.KeyColumns; i++)
            {
                var c = _table.IntegerKeys
                    ? (live[i] is long l ? l : long.MinValue).CompareTo((long)expected[i]!)
                    : string.CompareOrdinal(Cell.Text(live[i]), Cell.Text(expected[i]));
                if (c != 0) return c;
            }
            return 0;
        }

        private void Advance()
        {
            if (!_reader.Read()) { _current = null; return; }
            var values = new object?[_table.Columns.Length];
            _reader.GetValues(values!);
            for (var i = 0; i < values.Length; i++) if (values[i] is DBNull) values[i] = null;
            _current = values;
        }

        public void Dispose()
        {
            _reader.Dispose();
            _command.Dispose();
        }
    }
}
