using System.Data.Common;
using System.Text.Json;
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
    public static VerifyReport Verify(LedgerStore store, IReadOnlyList<Anchor> anchors, IProgress<long>? progress = null, int maxProblems = 1000) =>
        Verify(store, anchors, [], progress, maxProblems);

    /// <param name="checkpoints">Signed checkpoints (typed in or scanned from notices) to hold the log against.</param>
    public static VerifyReport Verify(LedgerStore store, IReadOnlyList<Anchor> anchors, IReadOnlyList<SignedNote> checkpoints,
        IProgress<long>? progress = null, int maxProblems = 1000)
    {
        var parsed = checkpoints.Select(note => (Note: note, Checkpoint: Checkpoint.TryParseBody(note.Text, out var c, out _) ? c : null)).ToList();
        var roots = new Dictionary<long, byte[]>();
        var connection = store.ConnectionForVerify;
        using var tx = connection.BeginTransaction(deferred: true);
        var run = new Run(maxProblems);
        var anchorsBySeq = anchors.GroupBy(a => a.Seq).ToDictionary(g => g.Key, g => g.ToList());
        var merkle = new MerkleTree();
        var state = new LedgerState();
        var small = Table.All.Where(t => !t.Streamed).ToDictionary(t => t, _ => new Dictionary<string, Row>(StringComparer.Ordinal));
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
                if (parsed.Any(p => p.Checkpoint?.Size == merkle.Size)) roots[merkle.Size] = merkle.Root();
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

        var results = parsed.Select(p => CheckCheckpoint(p.Note, p.Checkpoint, state, roots, expectedSeq, run)).ToList();
        return new VerifyReport(expectedSeq, headSeq, headHash, merkle.Root(), run.Problems, run.Truncated, results);
    }

    /// <summary>
    /// A checkpoint holds when a registered key signed it and the log still begins with exactly its
    /// first N entries (same RFC 6962 root). Otherwise the problem says which, with the evidence.
    /// </summary>
    private static CheckpointResult CheckCheckpoint(SignedNote note, Checkpoint? checkpoint, LedgerState state, Dictionary<long, byte[]> roots,
        long entries, Run run)
    {
        if (checkpoint is null)
        {
            run.Add(new VerifyProblem(VerifyProblem.Checkpoint, null, "the note is not a checkpoint (origin, size and root lines)"));
            return new CheckpointResult(0, "", CheckpointResult.BadSignature, []);
        }
        var root = Convert.ToBase64String(checkpoint.Root);
        var signedBy = new List<string>();
        foreach (var signature in note.Signatures)
        {
            if (state.Key(signature.KeyName, signature.KeyId) is not { } key) continue;
            if (note.Verifies(signature, key.PublicKey)) signedBy.Add($"{key.Name} ({key.KeyIdHex})");
            else
            {
                run.Add(new VerifyProblem(VerifyProblem.Checkpoint, checkpoint.Size - 1,
                    $"the signature of {key.Name} ({key.KeyIdHex}) does not verify: the checkpoint was forged or altered", Expected: "valid signature", Actual: "invalid"));
                return new CheckpointResult(checkpoint.Size, root, CheckpointResult.BadSignature, signedBy);
            }
        }
        if (signedBy.Count == 0)
        {
            run.Add(new VerifyProblem(VerifyProblem.Checkpoint, checkpoint.Size - 1, "no key registered in this ledger signed the checkpoint",
                Expected: string.Join(", ", state.Keys.Select(k => $"{k.Name} ({k.KeyIdHex})")),
                Actual: string.Join(", ", note.Signatures.Select(s => $"{s.KeyName} ({s.KeyId:x8})"))));
            return new CheckpointResult(checkpoint.Size, root, CheckpointResult.BadSignature, signedBy);
        }
        var origin = Checkpoint.OriginOf(state.Ledger.OrgCode, state.Ledger.LedgerId);
        if (checkpoint.Origin != origin)
            run.Add(new VerifyProblem(VerifyProblem.Checkpoint, null, "the checkpoint is of another ledger", Expected: origin, Actual: checkpoint.Origin));
        if (checkpoint.Size > entries)
        {
            run.Add(new VerifyProblem(VerifyProblem.Checkpoint, entries, $"log shorter than the checkpoint: it has {entries} entries, the checkpoint {checkpoint.Size}",
                Expected: checkpoint.Size.ToString(), Actual: entries.ToString()));
            return new CheckpointResult(checkpoint.Size, root, CheckpointResult.Shorter, signedBy);
        }
        var actual = checkpoint.Size == 0 ? new MerkleTree().Root() : roots[checkpoint.Size];
        if (!actual.AsSpan().SequenceEqual(checkpoint.Root))
        {
            run.Add(new VerifyProblem(VerifyProblem.Checkpoint, checkpoint.Size - 1,
                $"history rewritten within the first {checkpoint.Size} entries: their root is not the one the checkpoint carries",
                Expected: root, Actual: Convert.ToBase64String(actual)));
            return new CheckpointResult(checkpoint.Size, root, CheckpointResult.Rewritten, signedBy);
        }
        return new CheckpointResult(checkpoint.Size, root, CheckpointResult.Consistent, signedBy);
    }

    private static void CheckAnchors(Dictionary<long, List<Anchor>> anchorsBySeq, long seq, string hash, Run run)
    {
        if (!anchorsBySeq.TryGetValue(seq, out var list)) return;
        foreach (var anchor in list.Where(a => a.Hash != hash))
            run.Add(new VerifyProblem(VerifyProblem.Anchor, seq, $"entry {seq} differs from the anchor: history was rewritten up to here",
                Expected: anchor.Hash, Actual: hash));
    }

    private static void ReplayEntry(long seq, byte[] bytes, string prev, LedgerState state, Dictionary<Table, Dictionary<string, Row>> small,
        LiveRows vouchers, LiveRows lines, Run run)
    {
        var entry = Read(seq, bytes, run);
        if (entry is null) return;
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

    /// <summary>
    /// Reads an entry and proves it canonical in one step: encoding the decoded event again must give
    /// exactly the stored bytes (so no key, space, escape or float can differ). Only when it does not
    /// is the slower generic check run, to say what is wrong.
    /// </summary>
    private static ParsedEntry? Read(long seq, byte[] bytes, Run run)
    {
        ParsedEntry? entry = null;
        string? problem = null;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            entry = ParsedEntry.From(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            problem = "the entry cannot be read: " + e.Message;
        }
        if (entry is not null && IsCanonicalEncoding(entry, bytes)) return entry;
        if (!CanonicalJson.IsCanonical(bytes, out var doc, out var canonicalProblem)) problem = canonicalProblem;
        doc?.Dispose();
        run.Add(new VerifyProblem(VerifyProblem.Canonical, seq, problem ?? "the entry holds fields or values that its kind does not define"));
        return entry;
    }

    private static bool IsCanonicalEncoding(ParsedEntry entry, byte[] bytes)
    {
        if (!DateTimeOffset.TryParseExact(entry.Time, "yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var time) || !Sha256Hex.IsValid(entry.Prev) || entry.Seq < 0)
            return false;
        return AuditEntry.Encode(entry.Seq, entry.Prev, time, entry.Actor, entry.Event).AsSpan().SequenceEqual(bytes);
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

    private static void CompareSmallTable(SqliteConnection connection, SqliteTransaction tx, Table table, Dictionary<string, Row> expected, Run run)
    {
        using var live = new LiveRows(connection, tx, table);
        var ordered = expected.Values.ToList();
        ordered.Sort((a, b) => CompareKeys(a.Values, b.Values, table.KeyColumns));
        foreach (var row in ordered) live.Match(row, null, run);
        live.ReportRemaining(run);
    }

    /// <summary>Key order as SQLite sorts it: integers numerically (any text after them), text by bytes.</summary>
    private static int CompareKeys(object?[] a, object?[] b, int keyColumns)
    {
        for (var i = 0; i < keyColumns; i++)
        {
            var c = (a[i], b[i]) switch
            {
                (long x, long y) => x.CompareTo(y),
                (long, _) => -1,
                (_, long) => 1,
                _ => string.CompareOrdinal(Cell.Text(a[i]), Cell.Text(b[i])),
            };
            if (c != 0) return c;
        }
        return 0;
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
    /// Rows are compared by their quoted signature; only a row that differs is read column by column.
    /// </summary>
    private sealed class LiveRows : IDisposable
    {
        private readonly Table _table;
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _tx;
        private readonly SqliteCommand _command;
        private readonly DbDataReader _reader;
        private object?[]? _key;
        private string _signature = "";

        public LiveRows(SqliteConnection connection, SqliteTransaction tx, Table table)
        {
            _table = table;
            _connection = connection;
            _tx = tx;
            _command = Command(connection, tx, table.SelectSignatures);
            _reader = _command.ExecuteReader();
            Advance();
        }

        public void Match(Row expected, long? seq, Run run)
        {
            while (_key is not null && CompareKeys(_key, expected.Values, _table.KeyColumns) < 0)
            {
                run.Add(Extra(_key));
                Advance();
            }
            if (_key is null || CompareKeys(_key, expected.Values, _table.KeyColumns) > 0)
            {
                run.Add(new VerifyProblem(VerifyProblem.Replay, seq, $"{_table.Name} {expected.Key} is missing from the table (deleted?)",
                    Table: _table.Name, Key: expected.Key, Expected: "row", Actual: "missing"));
                return;
            }
            if (_signature != expected.Signature) ReportDifferences(expected, seq, run);
            Advance();
        }

        public void ReportRemaining(Run run)
        {
            for (; _key is not null; Advance()) run.Add(Extra(_key));
        }

        private void ReportDifferences(Row expected, long? seq, Run run)
        {
            using var command = Command(_connection, _tx, _table.SelectByKey);
            for (var i = 0; i < _table.KeyColumns; i++) command.Parameters.AddWithValue("$p" + i, expected.Values[i]);
            using var reader = command.ExecuteReader();
            reader.Read();
            for (var i = _table.KeyColumns; i < _table.Columns.Length; i++)
            {
                var actual = reader.IsDBNull(i) ? null : reader.GetValue(i);
                if (!Cell.Same(expected.Values[i], actual))
                    run.Add(new VerifyProblem(VerifyProblem.Replay, seq, $"{_table.Name} {expected.Key}: {_table.Columns[i]} differs from what the log says",
                        Table: _table.Name, Key: expected.Key, Column: _table.Columns[i], Expected: Cell.Text(expected.Values[i]), Actual: Cell.Text(actual)));
            }
        }

        private VerifyProblem Extra(object?[] key)
        {
            var text = string.Join("|", key.Take(_table.KeyColumns).Select(Cell.Text));
            return new VerifyProblem(VerifyProblem.Replay, null, $"{_table.Name} {text} is in the table but no entry of the log made it (inserted?)",
                Table: _table.Name, Key: text, Expected: "missing", Actual: "row");
        }

        private void Advance()
        {
            if (!_reader.Read()) { _key = null; return; }
            var key = new object?[_table.KeyColumns];
            for (var i = 0; i < key.Length; i++) key[i] = _reader.IsDBNull(i) ? null : _reader.GetValue(i);
            _key = key;
            _signature = _reader.GetString(_table.KeyColumns);
        }

        public void Dispose()
        {
            _reader.Dispose();
            _command.Dispose();
        }
    }
}
