using System.Globalization;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Validation;
using System.Data.Common;
using CollectiveLedger.Storage.Engines;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// Checks a ledger from entry 0: the chain (seq, prev, stored hash, canonical bytes), the anchors and
/// checkpoints held outside the database, and replay: the rows each entry implies (<see cref="Projection"/>)
/// against every table, row by row. Streams the log and the two large tables side by side in key
/// order, so memory stays bounded however long the log is. Entries are read in batches; while one
/// batch is checked in order, the next is prepared on another thread (<see cref="PreparedEntry"/>).
/// </summary>
public static class LedgerVerifier
{
    private const int BatchSize = 512;

    public static VerifyReport Verify(LedgerStore store, IReadOnlyList<Anchor> anchors, IProgress<long>? progress = null, int maxProblems = 1000) =>
        Verify(store, anchors, [], progress, maxProblems);

    /// <param name="checkpoints">Signed checkpoints (typed in or scanned from notices) to hold the log against.</param>
    public static VerifyReport Verify(LedgerStore store, IReadOnlyList<Anchor> anchors, IReadOnlyList<SignedNote> checkpoints,
        IProgress<long>? progress = null, int maxProblems = 1000)
    {
        var connection = store.Connection;
        using var tx = store.Engine.BeginRead(connection);
        var check = new Replay(store.Engine, connection, tx, anchors, checkpoints, new Run(maxProblems), progress);
        using (var log = store.Engine.Cursor(connection, tx, "SELECT seq, hash, entry FROM audit_log ORDER BY seq"))
        {
            // Two batches take turns: one is filled while the other is being prepared.
            Batch[] batches = [new(), new()];
            Task<PreparedEntry[]>? pending = null;
            for (var turn = 0; ; turn++)
            {
                var batch = batches[turn % 2];
                batch.Clear();
                while (batch.Count < BatchSize && log.Read()) batch.Add(log);
                var next = batch.Count == 0 ? null : Task.Run(batch.Prepare);
                if (pending is not null) check.Apply(pending.Result);
                if (next is null) break;
                pending = next;
            }
        }
        return check.Finish();
    }

    /// <summary>
    /// The sizes of the checkpoints that published notices carry, found before the ordered pass so
    /// that their roots are kept as the pass goes by. Read tolerantly: the ordered pass checks
    /// these entries in full, and a size missed here is reported there.
    /// </summary>
    private static IEnumerable<long> PublishedCheckpointSizes(DbConnection connection, DbTransaction tx)
    {
        // Found through their table; a notice removed from it is missing on replay, reported there.
        const string sql = "SELECT entry FROM audit_log WHERE seq IN (SELECT seq FROM disclosures UNION ALL SELECT seq FROM notices)";
        using var reader = Command(connection, tx, sql).ExecuteReader();
        while (reader.Read())
        {
            long? size = null;
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse((byte[])reader.GetValue(0));
                var text = document.RootElement.GetProperty("data").GetProperty("checkpoint").GetString() ?? "";
                var note = SignedNote.TryParse(text, out var signed, out _) ? signed.Text : text;
                if (Checkpoint.TryParseBody(note, out var checkpoint, out _)) size = checkpoint.Size;
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
            {
            }
            if (size is { } s) yield return s;
        }
    }

    /// <summary>
    /// Entries as read from the log, their bytes side by side in one array that is reused batch
    /// after batch. A batch is prepared on one pool thread while the main thread checks the previous
    /// one. Measured on two cores: splitting the batch further (Parallel.For, or halves) was slower,
    /// the extra threads spinning against the main thread.
    /// </summary>
    private sealed class Batch
    {
        private readonly List<(long Seq, string StoredHash, int Start, int Length, string Hash)> _entries = new(BatchSize);
        private byte[] _bytes = new byte[BatchSize * 1024];
        private int _used;

        public int Count => _entries.Count;

        public void Clear()
        {
            _entries.Clear();
            _used = 0;
        }

        /// <summary>
        /// Takes the log's current row. The entry's hash is taken here, on the main thread, the
        /// Merkle leaf on the preparing thread: measured, that balances the two threads' shares of
        /// the work best. A stored hash is decoded only when it differs.
        /// </summary>
        public void Add(IRowCursor log)
        {
            var bytes = log.GetText(2);
            var hash = Sha256Hex.Of(bytes);
            var stored = log.GetText(1);
            if (_used + bytes.Length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(2 * _bytes.Length, _used + bytes.Length));
            bytes.CopyTo(_bytes.AsSpan(_used));
            _entries.Add((log.GetInt64(0), Sha256Hex.Spells(stored, hash) ? hash : System.Text.Encoding.UTF8.GetString(stored), _used, bytes.Length, hash));
            _used += bytes.Length;
        }

        public PreparedEntry[] Prepare()
        {
            var prepared = new PreparedEntry[_entries.Count];
            for (var i = 0; i < prepared.Length; i++)
            {
                var e = _entries[i];
                prepared[i] = PreparedEntry.Prepare(e.Seq, e.StoredHash, _bytes.AsMemory(e.Start, e.Length), e.Hash);
            }
            return prepared;
        }
    }

    /// <summary>The ordered half of verify: chain links, anchors, Merkle roots, posting rules, replayed state and the merge with the tables.</summary>
    private sealed class Replay(Engine engine, DbConnection connection, DbTransaction tx, IReadOnlyList<Anchor> anchors, IReadOnlyList<SignedNote> checkpoints,
        Run run, IProgress<long>? progress)
    {
        private readonly Dictionary<long, List<Anchor>> _anchors = anchors.GroupBy(a => a.Seq).ToDictionary(g => g.Key, g => g.ToList());
        private readonly List<(SignedNote Note, Checkpoint? Checkpoint)> _checkpoints =
            checkpoints.Select(note => (note, Checkpoint.TryParseBody(note.Text, out var c, out _) ? c : null)).ToList();
        private readonly Dictionary<long, byte[]> _roots = [];
        private readonly HashSet<long> _rootsWanted = [.. checkpoints.Select(n => Checkpoint.TryParseBody(n.Text, out var c, out _) ? c.Size : -1),
            .. PublishedCheckpointSizes(connection, tx)];
        private readonly MerkleTree _merkle = new();
        private readonly LedgerState _state = new();
        private readonly Dictionary<Table, Dictionary<string, Row>> _small =
            Table.All.Where(t => !t.Streamed).ToDictionary(t => t, _ => new Dictionary<string, Row>(StringComparer.Ordinal));
        private readonly LiveVouchers _vouchers = new(engine, connection, tx);
        private readonly TurnoverReplay _turnover = new();
        private readonly YearCloseReplay _years = new();
        private readonly RegisterReplay _assets = RegisterReplay.Assets();
        private readonly RegisterReplay _contracts = RegisterReplay.Contracts();
        private readonly DistributionReplay _distributions = new();
        private readonly BankReplay _bank = new();
        private long _expectedSeq;
        private string _prev = Sha256Hex.Zero;
        private (long Seq, string Hash)? _head;
        // The files the log's attachment.added entries record: SHA-256 -> the first entry and its size.
        private readonly Dictionary<string, (long Seq, int Size)> _files = new(StringComparer.Ordinal);

        public void Apply(PreparedEntry[] batch)
        {
            foreach (var p in batch)
            {
                _merkle.AppendLeaf(p.LeafHash);
                if (p.Seq != _expectedSeq)
                    run.Add(new VerifyProblem(VerifyProblem.Chain, p.Seq, $"expected entry {_expectedSeq} here, found {p.Seq}: entries are missing or out of order",
                        Expected: _expectedSeq.ToString(CultureInfo.InvariantCulture), Actual: p.Seq.ToString(CultureInfo.InvariantCulture)));
                if (p.StoredHash != p.Hash)
                    run.Add(new VerifyProblem(VerifyProblem.Chain, p.Seq, "the stored hash is not the SHA-256 of the stored entry",
                        Table: "audit_log", Key: p.Seq.ToString(CultureInfo.InvariantCulture), Column: "hash", Expected: p.Hash, Actual: p.StoredHash));
                if (_anchors.TryGetValue(p.Seq, out var list))
                    foreach (var anchor in list.Where(a => a.Hash != p.Hash))
                        run.Add(new VerifyProblem(VerifyProblem.Anchor, p.Seq, $"entry {p.Seq} differs from the anchor: history was rewritten up to here",
                            Expected: anchor.Hash, Actual: p.Hash));
                if (_rootsWanted.Contains(_merkle.Size)) _roots[_merkle.Size] = _merkle.Root();
                ReplayEntry(p);
                _prev = p.Hash;
                _head = (p.Seq, p.Hash);
                _expectedSeq = p.Seq + 1;
                if (_expectedSeq % 10_000 == 0) progress?.Report(_expectedSeq);
            }
        }

        private void ReplayEntry(PreparedEntry p)
        {
            if (p.Problem is not null) run.Add(p.Problem);
            if (p.Entry is not { } entry) return;
            if (entry.V != AuditEntry.Version)
                run.Add(new VerifyProblem(VerifyProblem.Canonical, p.Seq, $"unknown format version {entry.V}"));
            if (entry.Seq != p.Seq)
                run.Add(new VerifyProblem(VerifyProblem.Chain, p.Seq, "the entry's seq differs from its position", Expected: p.Seq.ToString(CultureInfo.InvariantCulture), Actual: entry.Seq.ToString(CultureInfo.InvariantCulture)));
            if (entry.Prev != _prev)
                run.Add(new VerifyProblem(VerifyProblem.Chain, p.Seq, "prev is not the hash of the previous entry: the chain is broken here",
                    Expected: _prev, Actual: entry.Prev));
            if ((p.Seq == 0) != (entry.Event is LedgerCreated))
            {
                run.Add(new VerifyProblem(VerifyProblem.Replay, p.Seq, "ledger.created must be entry 0 and only entry 0"));
                return;
            }
            foreach (var message in ReplayRules.Check(entry, _state))
                run.Add(new VerifyProblem(VerifyProblem.Replay, p.Seq, message));
            foreach (var message in _years.Check(entry.Event, _state))
                run.Add(new VerifyProblem(VerifyProblem.Replay, p.Seq, message));
            foreach (var message in _assets.Check(entry, _state))
                run.Add(new VerifyProblem(VerifyProblem.Replay, p.Seq, message));
            foreach (var message in _contracts.Check(entry, _state))
                run.Add(new VerifyProblem(VerifyProblem.Replay, p.Seq, message));
            foreach (var message in _distributions.Check(entry.Event, _state))
                run.Add(new VerifyProblem(VerifyProblem.Replay, p.Seq, message));
            foreach (var message in _bank.Check(entry.Event, _state))
                run.Add(new VerifyProblem(VerifyProblem.Replay, p.Seq, message));
            if (entry.Event is DisclosurePublished published) CheckPublishedCheckpoint(p.Seq, published.Checkpoint);
            if (entry.Event is AttachmentAdded attached) _files.TryAdd(attached.Sha256, (p.Seq, attached.SizeBytes));
            if (entry.Event is Core.Disclosure.NoticePrepared prepared) CheckPublishedCheckpoint(p.Seq, prepared.Checkpoint);
            try
            {
                _state.Apply(entry.Event);
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
            {
                run.Add(new VerifyProblem(VerifyProblem.Replay, p.Seq, "the entry cannot be applied: " + e.Message));
                return;
            }
            if (p.Signature is not null)
            {
                var posted = (VoucherPosted)entry.Event;
                _turnover.Add(posted.Voucher);
                _vouchers.Match(p.Seq, posted, p.Signature, run);
                return;
            }
            foreach (var row in p.Rows)
                if (!_small[row.Table].TryAdd(row.Key, row))
                    run.Add(new VerifyProblem(VerifyProblem.Replay, p.Seq, $"{row.Table.Name} {row.Key} is added twice", Table: row.Table.Name, Key: row.Key));
        }

        /// <summary>
        /// The asset register against the ledger, after the tables were compared. As the log has them
        /// (the replayed state), a difference is reconciliation (<see cref="VerifyProblem.Register"/>):
        /// the register does not yet cover what the accounts hold, a matter for the accountant. As the
        /// tables have them, the totals must be the log's; where they are not, a register row or a
        /// voucher line was edited in the database, named here as a difference of totals too (replay,
        /// integrity), and a difference the log has as well is not named twice.
        /// </summary>
        private void CheckRegister()
        {
            var logTotals = Core.Assets.AssetRules.RegisterTotals(_state).ToDictionary(t => t.Account, StringComparer.Ordinal);
            foreach (var d in logTotals.Values.Where(t => t.Ledger != t.Register))
                run.Add(new VerifyProblem(VerifyProblem.Register, _head?.Seq,
                    $"the log's asset register holds {d.Register} on {d.Account}, the ledger's balance is {d.Ledger}: the register does not cover the account",
                    Table: "asset_register", Key: d.Account, Expected: d.Ledger.ToString(), Actual: d.Register.ToString()));
            foreach (var t in LedgerStore.RegisterTotals(connection, tx))
            {
                var (ledger, register) = (new Core.Money.Amount(t.LedgerFen), new Core.Money.Amount(t.RegisterFen));
                var inLog = logTotals.TryGetValue(t.Account, out var logged);
                if (inLog ? (ledger, register) == (logged!.Ledger, logged.Register) : ledger == register) continue;
                run.Add(new VerifyProblem(VerifyProblem.Replay, null,
                    $"the asset register tables hold {register} on {t.Account}, its voucher lines {ledger}; " +
                    (inLog ? $"the log gives {logged!.Register} and {logged.Ledger}" : $"no asset of the log is on {t.Account}"),
                    Table: "asset_register", Key: t.Account, Expected: ledger.ToString(), Actual: register.ToString()));
            }
        }

        /// <summary>
        /// The books' files (attachment_files, Schema/023) against the entries that record them: every file an
        /// attachment.added entry records is stored, hashes to its SHA-256 and has its size; a stored file no entry
        /// records is named too. The bytes are not in the log, so this is how verify holds them (integrity: replay).
        /// </summary>
        private void CheckFiles()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            using (var command = Command(connection, tx, "SELECT sha256, bytes FROM attachment_files ORDER BY sha256"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    var sha256 = reader.GetString(0);
                    var bytes = (byte[])reader.GetValue(1);
                    seen.Add(sha256);
                    if (!_files.TryGetValue(sha256, out var recorded))
                    {
                        run.Add(new VerifyProblem(VerifyProblem.Replay, null, $"attachment_files holds the file {sha256}, which no attachment.added entry records",
                            Table: "attachment_files", Key: sha256, Column: "sha256", Expected: "missing", Actual: sha256));
                        continue;
                    }
                    var actual = Sha256Hex.Of(bytes);
                    if (actual != sha256)
                        run.Add(new VerifyProblem(VerifyProblem.Replay, recorded.Seq, $"the file of attachment.added entry {recorded.Seq} was altered: its bytes no longer hash to the entry's SHA-256",
                            Table: "attachment_files", Key: sha256, Column: "bytes", Expected: sha256, Actual: actual));
                    else if (bytes.Length != recorded.Size)
                        run.Add(new VerifyProblem(VerifyProblem.Replay, recorded.Seq, $"the file of attachment.added entry {recorded.Seq} is not the size its entry records",
                            Table: "attachment_files", Key: sha256, Column: "bytes", Expected: recorded.Size.ToString(CultureInfo.InvariantCulture),
                            Actual: bytes.Length.ToString(CultureInfo.InvariantCulture)));
                }
            }
            foreach (var (sha256, recorded) in _files.Where(f => !seen.Contains(f.Key)).OrderBy(f => f.Value.Seq))
                run.Add(new VerifyProblem(VerifyProblem.Replay, recorded.Seq, $"the file of attachment.added entry {recorded.Seq} is missing from the books",
                    Table: "attachment_files", Key: sha256, Column: "bytes", Expected: sha256, Actual: "missing"));
        }

        /// <summary>
        /// The checkpoint a published (or prepared) notice carries must hold against the log it was
        /// taken from: this ledger's origin, no more entries than came before the notice, the same
        /// root, and signatures by keys registered at the time that verify.
        /// </summary>
        private void CheckPublishedCheckpoint(long seq, string text)
        {
            var note = SignedNote.TryParse(text, out var signed, out _) ? signed : new SignedNote(text, []);
            if (!Checkpoint.TryParseBody(note.Text, out var checkpoint, out var problem))
            {
                run.Add(new VerifyProblem(VerifyProblem.Checkpoint, seq, "the published notice's checkpoint cannot be read: " + problem));
                return;
            }
            var origin = Checkpoint.OriginOf(_state.Ledger.OrgCode, _state.Ledger.LedgerId);
            if (checkpoint.Origin != origin)
                run.Add(new VerifyProblem(VerifyProblem.Checkpoint, seq, "the published notice's checkpoint is of another ledger", Expected: origin, Actual: checkpoint.Origin));
            if (checkpoint.Size > seq || !_roots.TryGetValue(checkpoint.Size, out var root))
                run.Add(new VerifyProblem(VerifyProblem.Checkpoint, seq, $"the published notice's checkpoint names {checkpoint.Size} entries, more than came before it",
                    Expected: $"<= {seq}", Actual: checkpoint.Size.ToString(CultureInfo.InvariantCulture)));
            else if (!root.AsSpan().SequenceEqual(checkpoint.Root))
                run.Add(new VerifyProblem(VerifyProblem.Checkpoint, seq, $"the published notice's checkpoint does not match the first {checkpoint.Size} entries",
                    Expected: Convert.ToBase64String(checkpoint.Root), Actual: Convert.ToBase64String(root)));
            foreach (var signature in note.Signatures)
            {
                var key = _state.Key(signature.KeyName, signature.KeyId);
                if (key is null || !note.Verifies(signature, key.PublicKey))
                    run.Add(new VerifyProblem(VerifyProblem.Checkpoint, seq,
                        $"the published notice's checkpoint carries a signature of {signature.KeyName} ({signature.KeyId:x8}) that {(key is null ? "no registered key made" : "does not verify")}"));
            }
        }

        public VerifyReport Finish()
        {
            progress?.Report(_expectedSeq);
            foreach (var anchor in anchors.Where(a => a.Seq >= _expectedSeq))
                run.Add(new VerifyProblem(VerifyProblem.Anchor, anchor.Seq,
                    $"the log has {_expectedSeq} entries but the anchor names entry {anchor.Seq}: the log was cut short or rolled back",
                    Expected: anchor.Hash, Actual: "missing"));
            foreach (var message in _years.Unfinished().Concat(_distributions.Unfinished()))
                run.Add(new VerifyProblem(VerifyProblem.Replay, _head?.Seq, message));
            foreach (var message in _assets.Unfinished().Concat(_contracts.Unfinished()))
                run.Add(new VerifyProblem(VerifyProblem.Replay, _head?.Seq, message));
            _vouchers.ReportRemaining(run);
            _vouchers.Dispose();
            foreach (var row in _turnover.Rows()) _small[row.Table].Add(row.Key, row);
            foreach (var (table, expected) in _small)
            {
                using var live = new LiveRows(engine, connection, tx, table);
                var ordered = expected.Values.ToList();
                ordered.Sort((a, b) => CompareKeys(a.Values, b.Values, table.KeyColumns));
                foreach (var row in ordered) live.Match(row, row.Signature, null, run);
                live.ReportRemaining(run);
            }
            CheckRegister();
            CheckFiles();
            var origin = Checkpoint.OriginOf(_state.Ledger.OrgCode, _state.Ledger.LedgerId);
            var results = _checkpoints.Select(c => CheckCheckpoint(c.Note, c.Checkpoint, origin, _state.Key, [.. _state.Keys], _roots, _expectedSeq, run)).ToList();
            return new VerifyReport(_expectedSeq, _head?.Seq, _head?.Hash, _merkle.Root(), run.Problems, run.Truncated, results,
                run.Found(VerifyCategory.Integrity), run.Found(VerifyCategory.Reconciliation));
        }
    }

    /// <summary>
    /// A checkpoint holds when a registered key signed it and the log still begins with exactly its
    /// first N entries (same RFC 6962 root). Otherwise the problem says which, with the evidence.
    /// </summary>
    /// <param name="origin">The origin line of this ledger's checkpoints.</param>
    /// <param name="keyOf">The registered key of a name and key ID, or null.</param>
    /// <param name="keys">Every registered key, named when none signed.</param>
    /// <param name="roots">The roots of the log's first N entries, for every size N a checkpoint names (up to <paramref name="entries"/>).</param>
    internal static CheckpointResult CheckCheckpoint(SignedNote note, Checkpoint? checkpoint, string origin, Func<string, uint, KeyRegistered?> keyOf,
        IReadOnlyList<KeyRegistered> keys, Dictionary<long, byte[]> roots, long entries, Run run)
    {
        if (checkpoint is null)
        {
            run.Add(new VerifyProblem(VerifyProblem.Checkpoint, null, "the note is not a checkpoint (origin, size and root lines)"));
            return new CheckpointResult(0, "", CheckpointResult.BadSignature, []);
        }
        var root = Convert.ToBase64String(checkpoint.Root);
        var signedBy = new List<string>();
        var unsigned = note.Signatures.Count == 0;
        foreach (var signature in note.Signatures)
        {
            if (keyOf(signature.KeyName, signature.KeyId) is not { } key) continue;
            if (note.Verifies(signature, key.PublicKey)) signedBy.Add($"{key.Name} ({key.KeyIdHex})");
            else
            {
                run.Add(new VerifyProblem(VerifyProblem.Checkpoint, checkpoint.Size > 0 ? checkpoint.Size - 1 : null,
                    $"the signature of {key.Name} ({key.KeyIdHex}) does not verify: the checkpoint was forged or altered", Expected: "valid signature", Actual: "invalid"));
                return new CheckpointResult(checkpoint.Size, root, CheckpointResult.BadSignature, signedBy);
            }
        }
        if (signedBy.Count == 0 && !unsigned)
        {
            run.Add(new VerifyProblem(VerifyProblem.Checkpoint, checkpoint.Size > 0 ? checkpoint.Size - 1 : null, "no key registered in this ledger signed the checkpoint",
                Expected: string.Join(", ", keys.Select(k => $"{k.Name} ({k.KeyIdHex})")),
                Actual: string.Join(", ", note.Signatures.Select(s => $"{s.KeyName} ({s.KeyId:x8})"))));
            return new CheckpointResult(checkpoint.Size, root, CheckpointResult.BadSignature, signedBy);
        }
        if (checkpoint.Origin != origin)
            run.Add(new VerifyProblem(VerifyProblem.Checkpoint, null, "the checkpoint is of another ledger", Expected: origin, Actual: checkpoint.Origin));
        if (checkpoint.Size > entries)
        {
            run.Add(new VerifyProblem(VerifyProblem.Checkpoint, entries, $"log shorter than the checkpoint: it has {entries} entries, the checkpoint {checkpoint.Size}",
                Expected: checkpoint.Size.ToString(CultureInfo.InvariantCulture), Actual: entries.ToString(CultureInfo.InvariantCulture)));
            return new CheckpointResult(checkpoint.Size, root, CheckpointResult.Shorter, signedBy);
        }
        var actual = checkpoint.Size == 0 ? new MerkleTree().Root() : roots[checkpoint.Size];
        if (!actual.AsSpan().SequenceEqual(checkpoint.Root))
        {
            run.Add(new VerifyProblem(VerifyProblem.Checkpoint, checkpoint.Size > 0 ? checkpoint.Size - 1 : null,
                $"history rewritten within the first {checkpoint.Size} entries: their root is not the one the checkpoint carries",
                Expected: root, Actual: Convert.ToBase64String(actual)));
            return new CheckpointResult(checkpoint.Size, root, CheckpointResult.Rewritten, signedBy);
        }
        return new CheckpointResult(checkpoint.Size, root, unsigned ? CheckpointResult.ConsistentUnsigned : CheckpointResult.Consistent, signedBy);
    }

    /// <summary>Key order as SQLite sorts it: integers numerically (any text after them), text by bytes.</summary>
    internal static int CompareKeys(object?[] a, object?[] b, int keyColumns)
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

    internal static DbCommand Command(DbConnection connection, DbTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// Problems collected so far, integrity problems first, each category capped on its own so that a
    /// wrecked database still gives a readable report and its reconciliation problems are not lost
    /// under thousands of edited rows. Every problem is counted, listed or not.
    /// </summary>
    internal sealed class Run(int max)
    {
        private readonly Dictionary<string, (List<VerifyProblem> Listed, int Found)> _categories = new(StringComparer.Ordinal)
        {
            [VerifyCategory.Integrity] = ([], 0),
            [VerifyCategory.Reconciliation] = ([], 0),
        };

        public IReadOnlyList<VerifyProblem> Problems => [.. _categories[VerifyCategory.Integrity].Listed, .. _categories[VerifyCategory.Reconciliation].Listed];
        public bool Truncated { get; private set; }

        public int Found(string category) => _categories[category].Found;

        public void Add(VerifyProblem problem)
        {
            var (listed, found) = _categories[problem.Category];
            _categories[problem.Category] = (listed, found + 1);
            if (listed.Count < max) listed.Add(problem);
            else Truncated = true;
        }
    }
}
