using CollectiveLedger.Core;
using System.Security.Cryptography;
using System.Text.Json;
using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Storage.Verification;

/// <summary>
/// The work verify does on one entry that depends on nothing but its bytes: the hash, the Merkle
/// leaf, decoding, the proof that the bytes are canonical, and the rows the entry implies. Pure, so
/// entries are prepared on another thread; everything that needs order or the database happens after.
/// </summary>
/// <param name="Rows">The rows any other entry implies.</param>
/// <param name="Signature">For a posted voucher, instead of rows, its row's and its lines' signatures (<see cref="Projection.VoucherSignature"/>).</param>
internal sealed record PreparedEntry(long Seq, string StoredHash, string Hash, byte[] LeafHash, ParsedEntry? Entry, VerifyProblem? Problem,
    Row[] Rows, byte[]? Signature)
{
    /// <param name="hash">The entry's SHA-256, hashed by the caller.</param>
    public static PreparedEntry Prepare(long seq, string storedHash, ReadOnlyMemory<byte> bytes, string hash)
    {
        var (entry, problem) = SafeRead(seq, bytes);
        var (rows, signature) = entry?.Event switch
        {
            null => ([], null),
            Core.Ledger.VoucherPosted posted => ([], Projection.VoucherSignature(seq, posted)),
            var e => (Projection.RowsFor(seq, e).ToArray(), (byte[]?)null),
        };
        return new PreparedEntry(seq, storedHash, hash, MerkleTree.LeafHash(bytes.Span), entry, problem, rows, signature);
    }

    /// <summary>Whatever a tampered entry holds (invalid UTF-8, lone surrogates, absurd values), it is reported, never thrown.</summary>
    private static (ParsedEntry?, VerifyProblem?) SafeRead(long seq, ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return Read(seq, bytes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, new VerifyProblem(VerifyProblem.Canonical, seq, $"the entry cannot be read: {e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>
    /// Reads an entry and proves it canonical in one step: encoding the decoded event again must give
    /// exactly the stored bytes (so no key, space, escape or float can differ). A posted voucher is
    /// read by its own fast reader first; any other entry, or one the fast reader cannot prove, is read
    /// the generic way, and only when that fails too is the slower canonical check run, to say what is wrong.
    /// </summary>
    private static (ParsedEntry?, VerifyProblem?) Read(long seq, ReadOnlyMemory<byte> bytes)
    {
        if (VoucherEntryReader.TryRead(bytes.Span) is { } voucher && IsCanonicalEncoding(voucher, bytes.Span)) return (voucher, null);
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
        if (entry is not null && IsCanonicalEncoding(entry, bytes.Span)) return (entry, null);
        if (!CanonicalJson.IsCanonical(bytes, out var doc, out var canonicalProblem)) problem = canonicalProblem;
        doc?.Dispose();
        return (entry, new VerifyProblem(VerifyProblem.Canonical, seq, problem ?? "the entry holds fields or values that its kind does not define"));
    }

    private static bool IsCanonicalEncoding(ParsedEntry entry, ReadOnlySpan<byte> bytes)
    {
        if (!Core.Periods.IsoDate.TryParseTimestamp(entry.Time, out var time) || !Sha256Hex.IsValid(entry.Prev) || entry.Seq < 0)
            return false;
        return AuditEntry.EncodesTo(entry.Seq, entry.Prev, time, entry.Actor, entry.Event, bytes);
    }
}
