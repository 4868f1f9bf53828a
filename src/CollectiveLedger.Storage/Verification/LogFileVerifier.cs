using System.Globalization;
using System.Text.Json;
using CollectiveLedger.Core.Audit;
using CollectiveLedger.Core.Ledger;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// Verifies an exported log file, full (audit-log.md 6) or public (section 14), without the database:
/// each line's encoding and envelope (or a stub's form), the chain (entry n's <c>prev</c> is the hash
/// of entry n - 1, a stub's <c>hash</c>), the Merkle root (a stub gives its <c>leaf</c>), the
/// checkpoints given (size and root against the file's first N entries, signatures against its
/// <c>key.registered</c> entries), and the balances replayed from its vouchers (<see cref="LogBalances"/>).
/// It does not re-decide each entry's rules, which needs the whole state (<see cref="LedgerVerifier"/> on a database does).
/// </summary>
public static class LogFileVerifier
{
    /// <summary>Reads and verifies <paramref name="path"/>; an unreadable file is an <see cref="IOException"/> for the caller to report.</summary>
    public static LogFileReport Verify(string path, IReadOnlyList<SignedNote> checkpoints, int maxProblems = 1000) =>
        Verify(File.ReadAllBytes(path), checkpoints, maxProblems);

    public static LogFileReport Verify(byte[] file, IReadOnlyList<SignedNote> checkpoints, int maxProblems = 1000)
    {
        var run = new LedgerVerifier.Run(maxProblems);
        var parsed = checkpoints.Select(n => (Note: n, Checkpoint: Checkpoint.TryParseBody(n.Text, out var c, out _) ? c : null)).ToList();
        var wanted = parsed.Where(c => c.Checkpoint is not null).Select(c => c.Checkpoint!.Size).ToHashSet();
        var roots = new Dictionary<long, byte[]>();
        var merkle = new MerkleTree();
        var balances = new LogBalances();
        var keys = new Dictionary<(string, uint), KeyRegistered>();
        LedgerCreated? ledger = null;
        var (withheld, withheldVouchers) = (0, 0);
        var prev = Sha256Hex.Zero;
        (long Seq, string Hash)? head = null;

        if (file.Length > 0 && file[^1] != (byte)'\n')
            run.Add(new VerifyProblem(VerifyProblem.Canonical, null, "the file does not end with a line feed after its last entry (audit-log.md 6)"));
        long seq = 0;
        foreach (var range in Lines(file))
        {
            var bytes = file.AsSpan(range);
            var (hash, leaf) = (Sha256Hex.Of(bytes), MerkleTree.LeafHash(bytes));
            try
            {
                using var document = JsonDocument.Parse(file.AsMemory(range));
                if (PublicLog.ReadStub(document.RootElement, bytes, out var stubProblem) is { } stub)
                {
                    (hash, leaf) = (stub.Hash, stub.LeafHash);
                    withheld++;
                    if (stub.Kind == VoucherPosted.Definition.Name) withheldVouchers++;
                    if (stub.Seq != seq) run.Add(Problem(VerifyProblem.Chain, seq, "the stub's seq differs from its position", seq, stub.Seq));
                    if (seq == 0) run.Add(new VerifyProblem(VerifyProblem.Replay, seq, "entry 0 is ledger.created, never withheld"));
                }
                else if (stubProblem is not null) run.Add(new VerifyProblem(VerifyProblem.Canonical, seq, stubProblem));
                else
                {
                    var entry = ParsedEntry.From(document.RootElement);
                    if (!Core.Periods.IsoDate.TryParseTimestamp(entry.Time, out var time) || !Sha256Hex.IsValid(entry.Prev) || entry.Seq < 0
                        || !AuditEntry.EncodesTo(entry.Seq, entry.Prev, time, entry.Actor, entry.Event, bytes))
                        run.Add(new VerifyProblem(VerifyProblem.Canonical, seq, "the entry is not canonical, or holds fields or values its kind does not define"));
                    if (entry.V != AuditEntry.Version) run.Add(new VerifyProblem(VerifyProblem.Canonical, seq, $"unknown format version {entry.V}"));
                    if (entry.Seq != seq) run.Add(Problem(VerifyProblem.Chain, seq, "the entry's seq differs from its position", seq, entry.Seq));
                    if (entry.Prev != prev)
                        run.Add(new VerifyProblem(VerifyProblem.Chain, seq, "prev is not the hash of the previous entry: the chain is broken here", Expected: prev, Actual: entry.Prev));
                    if ((seq == 0) != (entry.Event is LedgerCreated))
                        run.Add(new VerifyProblem(VerifyProblem.Replay, seq, "ledger.created must be entry 0 and only entry 0"));
                    switch (entry.Event)
                    {
                        case LedgerCreated created: ledger ??= created; break;
                        case KeyRegistered key: keys.TryAdd((key.Name, key.KeyId), key); break;
                        case VoucherPosted posted: balances.Add(posted); break;
                    }
                }
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
            {
                run.Add(new VerifyProblem(VerifyProblem.Canonical, seq, "the entry cannot be read: " + e.Message));
            }
            merkle.AppendLeaf(leaf);
            if (wanted.Contains(merkle.Size)) roots[merkle.Size] = merkle.Root();
            prev = hash;
            head = (seq, hash);
            seq++;
        }
        if (seq == 0) run.Add(new VerifyProblem(VerifyProblem.Chain, null, "the log is empty (a ledger always has entry 0)"));
        var origin = ledger is null ? "" : Checkpoint.OriginOf(ledger.OrgCode, ledger.LedgerId);
        var results = parsed.Select(c => LedgerVerifier.CheckCheckpoint(c.Note, c.Checkpoint, origin, (name, id) => keys.GetValueOrDefault((name, id)),
            [.. keys.Values], roots, seq, run)).ToList();
        var report = new VerifyReport(seq, head?.Seq, head?.Hash, merkle.Root(), run.Problems, run.Truncated, results,
            run.Found(VerifyCategory.Integrity), run.Found(VerifyCategory.Reconciliation));
        return new LogFileReport(report, balances, withheld, withheldVouchers);
    }

    private static VerifyProblem Problem(string kind, long seq, string message, long expected, long actual) =>
        new(kind, seq, message, Expected: expected.ToString(CultureInfo.InvariantCulture), Actual: actual.ToString(CultureInfo.InvariantCulture));

    /// <summary>The file's lines, split at 0x0A (a trailing line feed ends the last one; an empty line is a line).</summary>
    public static IEnumerable<Range> Lines(byte[] file)
    {
        var start = 0;
        while (start < file.Length)
        {
            var end = Array.IndexOf(file, (byte)'\n', start);
            if (end < 0) end = file.Length;
            yield return new Range(start, end);
            start = end + 1;
        }
    }
}
