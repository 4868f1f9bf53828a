using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CollectiveLedger.Core.Audit;

/// <summary>A registered signing key as a receipt carries it, so that checking needs nothing else.</summary>
public sealed record ReceiptKey(string Name, byte[] PublicKey);

/// <summary>
/// A receipt (回执): one entry of the log (its exact line, or its public form), the RFC 6962 inclusion
/// proof of that entry in the tree a checkpoint names, the checkpoint as signed, and the signers'
/// public keys. Whoever holds it can check, with nothing else, that the village's signed log holds
/// exactly this entry at this place; <see cref="About"/> says in words what the entry records.
/// </summary>
public sealed record Receipt(IReadOnlyList<string> About, string Entry, InclusionProof Inclusion, string Checkpoint, IReadOnlyList<ReceiptKey> Keys)
{
    public const string Format = "collectiveledger-receipt/v1";

    public enum Verdict { Included, IncludedUnsigned, NotIncluded, BadSignature, Malformed }

    public sealed record Result(Verdict Verdict, string Message, Checkpoint? Checkpoint = null);

    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("receipt", Format);
            w.WriteStartArray("about");
            foreach (var line in About) w.WriteStringValue(line);
            w.WriteEndArray();
            w.WriteString("entry", Entry);
            w.WritePropertyName("inclusion");
            w.WriteRawValue(ProofJson.Write(Inclusion));
            w.WriteString("checkpoint", Checkpoint);
            w.WriteStartArray("keys");
            foreach (var k in Keys)
            {
                w.WriteStartObject();
                w.WriteString("name", k.Name);
                w.WriteString("public_key", Convert.ToBase64String(k.PublicKey));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    /// <summary>Reads a receipt's JSON; null with a problem when it is not one.</summary>
    public static Receipt? Read(ReadOnlySpan<byte> json, out string? problem)
    {
        problem = null;
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            var r = doc.RootElement;
            if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("receipt", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
            {
                problem = $"not a receipt: \"receipt\" is not \"{Format}\"";
                return null;
            }
            if (!ProofJson.TryReadInclusion(r.GetProperty("inclusion").GetRawText(), out var inclusion, out problem))
            {
                problem = $"not a receipt: its inclusion proof {problem}";
                return null;
            }
            return new Receipt(
                [.. r.GetProperty("about").EnumerateArray().Select(a => a.GetString() ?? "")],
                r.GetProperty("entry").GetString() ?? "",
                inclusion,
                r.GetProperty("checkpoint").GetString() ?? "",
                [.. r.GetProperty("keys").EnumerateArray().Select(k => new ReceiptKey(k.GetProperty("name").GetString() ?? "", Convert.FromBase64String(k.GetProperty("public_key").GetString() ?? "")))]);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            problem = $"not a receipt: {e.Message}";
            return null;
        }
    }

    /// <summary>
    /// Checks the receipt on its own: the entry is at its seq in the tree of the checkpoint
    /// (inclusion proof against its root), and the checkpoint carries a valid signature of a key the
    /// receipt names (unsigned: included, but nothing proves who issued it).
    /// </summary>
    public Result Check()
    {
        if (!SignedNote.TryReadCheckpoint(Checkpoint, out var note, out var problem) || !Audit.Checkpoint.TryParseBody(note.Text, out var checkpoint, out problem))
            return new(Verdict.Malformed, $"the checkpoint does not read: {problem}");
        var (seq, size) = (Inclusion.Seq, Inclusion.Size);
        if (LeafOf(Entry) is not { } leaf || SeqOf(Entry) != seq)
            return new(Verdict.Malformed, "the entry is neither a log entry in canonical form nor a public stub of one, or its seq is not the proof's", checkpoint);
        if (size != checkpoint.Size)
            return new(Verdict.NotIncluded, $"the proof is for a tree of {size} entries, the checkpoint names {checkpoint.Size}", checkpoint);
        if (!leaf.AsSpan().SequenceEqual(Inclusion.LeafHash) || !Inclusion.Verifies(checkpoint.Root))
            return new(Verdict.NotIncluded, $"entry {seq} is not in the tree of {checkpoint.Size} entries with root {checkpoint.RootHexGroups}: the receipt or the log was changed", checkpoint);
        if (note.Signatures.Count == 0)
            return new(Verdict.IncludedUnsigned, $"entry {seq} is in the tree of {checkpoint.Size} entries; the checkpoint is unsigned, so nothing proves who issued it", checkpoint);
        var verified = note.Signatures.Where(s => Keys.Any(k => k.Name == s.KeyName && SignedNote.KeyIdOf(k.PublicKey) == s.KeyId && note.Verifies(s, k.PublicKey))).ToList();
        return verified.Count == 0
            ? new(Verdict.BadSignature, "no signature on the checkpoint verifies with the keys the receipt names", checkpoint)
            : new(Verdict.Included, $"entry {seq} is in the tree of {checkpoint.Size} entries signed by {string.Join(", ", verified.Select(s => s.KeyName))}", checkpoint);
    }

    /// <summary>The RFC 6962 leaf hash of an entry line: of its bytes, or the <c>leaf</c> a public stub carries.</summary>
    public static byte[]? LeafOf(string entry)
    {
        var bytes = Encoding.UTF8.GetBytes(entry);
        if (!CanonicalJson.IsCanonical(bytes, out var doc, out _)) { doc?.Dispose(); return null; }
        using (doc)
        {
            var root = doc!.RootElement;
            if (IsStub(root))
                return root.GetProperty("leaf").GetString() is { Length: 64 } hex && hex.All(Uri.IsHexDigit) ? Convert.FromHexString(hex) : null;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("seq", out _) ? MerkleTree.LeafHash(bytes) : null;
        }
    }

    private static long SeqOf(string entry)
    {
        using var doc = JsonDocument.Parse(entry);
        return doc.RootElement.GetProperty("seq").TryGetInt64(out var seq) ? seq : -1;
    }

    private static bool IsStub(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.EnumerateObject().Select(p => p.Name).SequenceEqual(["hash", "kind", "leaf", "seq"]);
}
