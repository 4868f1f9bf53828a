using System.Text.Json;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Core.Audit;

/// <summary>
/// One entry of the hash-chained log: the exact canonical bytes and the SHA-256 over them.
/// Hashes are always taken over the stored bytes; nothing is re-serialized to be hashed.
/// </summary>
public sealed record AuditEntry(long Seq, byte[] Bytes, string Hash)
{
    public const int Version = 1;

    /// <summary>Encodes an event as the entry following <paramref name="prev"/>.</summary>
    public static AuditEntry Create(long seq, string prev, DateTimeOffset time, string actor, LedgerEvent e)
    {
        var bytes = Encode(seq, prev, time, actor, e);
        return new AuditEntry(seq, bytes, Sha256Hex.Of(bytes));
    }

    /// <summary>The canonical bytes of an entry (what <see cref="Create"/> stores and hashes).</summary>
    public static byte[] Encode(long seq, string prev, DateTimeOffset time, string actor, LedgerEvent e)
    {
        using var w = new CanonicalJsonWriter();
        Write(w, seq, prev, time, actor, e);
        return w.ToArray();
    }

    /// <summary>Whether encoding the entry gives exactly <paramref name="bytes"/>: the proof that stored bytes are canonical.</summary>
    /// <remarks>Verify calls this for every entry: each thread reuses one writer, so it allocates nothing.</remarks>
    public static bool EncodesTo(long seq, string prev, DateTimeOffset time, string actor, LedgerEvent e, ReadOnlySpan<byte> bytes)
    {
        var w = t_writer ??= new CanonicalJsonWriter();
        w.Reset();
        Write(w, seq, prev, time, actor, e);
        return w.WrittenSpan.SequenceEqual(bytes);
    }

    [ThreadStatic] private static CanonicalJsonWriter? t_writer;

    private static void Write(CanonicalJsonWriter w, long seq, string prev, DateTimeOffset time, string actor, LedgerEvent e)
    {
        Precondition.Require(seq >= 0 && Sha256Hex.IsValid(prev), "seq is not negative and prev is a SHA-256");
        w.BeginObject();
        w.Property("actor", actor);
        w.Name("data");
        w.BeginObject();
        e.WriteData(w);
        w.EndObject();
        w.Property("kind", e.Kind);
        w.Property("prev", prev);
        w.Property("seq", seq);
        w.Property("time", IsoDate.FormatTimestamp(time));
        w.Property("v", Version);
        w.EndObject();
    }
}

/// <summary>The parsed envelope of a stored entry, as verify and replay read it.</summary>
public sealed record ParsedEntry(int V, long Seq, string Prev, string Time, string Actor, string Kind, LedgerEvent Event)
{
    private static readonly string[] TopLevelKeys = ["actor", "data", "kind", "prev", "seq", "time", "v"];

    /// <summary>Reads stored bytes the write path produced (verify proves them canonical separately).</summary>
    public static ParsedEntry Parse(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        return From(document.RootElement);
    }

    /// <summary>Reads the envelope and the event; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static ParsedEntry From(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("an entry is a JSON object");
        if (root.GetPropertyCount() != TopLevelKeys.Length || !TopLevelKeys.All(k => root.TryGetProperty(k, out _)))
            throw new FormatException("top-level keys must be exactly " + string.Join(", ", TopLevelKeys));
        var kind = root.GetProperty("kind").GetString() ?? throw new FormatException("kind is not a string");
        return new ParsedEntry(
            root.GetProperty("v").TryGetInt32(out var v) ? v : throw new FormatException("v is not an integer"),
            root.GetProperty("seq").TryGetInt64(out var seq) ? seq : throw new FormatException("seq is not an integer"),
            root.GetProperty("prev").GetString() ?? throw new FormatException("prev is not a string"),
            root.GetProperty("time").GetString() ?? throw new FormatException("time is not a string"),
            root.GetProperty("actor").GetString() ?? throw new FormatException("actor is not a string"),
            kind,
            EventKinds.Read(kind, root.GetProperty("data")));
    }
}
