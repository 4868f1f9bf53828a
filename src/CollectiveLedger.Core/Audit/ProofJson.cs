using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CollectiveLedger.Core.Audit;

/// <summary>
/// The JSON of the proofs that <c>cledger prove</c> prints and the public site serves (audit-log.md
/// section 15): <c>{"old_size":N,"new_size":M,"hashes":[…]}</c> and
/// <c>{"seq":S,"size":N,"leaf_hash":…,"hashes":[…]}</c>, one line, hashes in standard base64 with
/// padding like a checkpoint's root. Written by hand rather than by a JSON writer, which would escape
/// base64's '+' as \u002B; base64 needs no escaping at all. Reading is strict: exactly these keys,
/// sizes in range, every hash 32 bytes.
/// </summary>
public static class ProofJson
{
    public static string Write(ConsistencyProof proof) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"old_size\":{proof.OldSize},\"new_size\":{proof.NewSize},\"hashes\":{Hashes(proof.Hashes)}}}");

    public static string Write(InclusionProof proof) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{{\"seq\":{proof.Seq},\"size\":{proof.Size},\"leaf_hash\":\"{Convert.ToBase64String(proof.LeafHash)}\",\"hashes\":{Hashes(proof.Hashes)}}}");

    public static bool TryReadConsistency(string json, out ConsistencyProof proof, out string? problem)
    {
        proof = new ConsistencyProof(0, 0, []);
        problem = Read(json, ["old_size", "new_size", "hashes"], root =>
        {
            var oldSize = Size(root, "old_size");
            var newSize = Size(root, "new_size");
            if (oldSize > newSize) throw new FormatException($"old_size {oldSize} is larger than new_size {newSize}");
            return new ConsistencyProof(oldSize, newSize, HashList(root));
        }, out var read);
        if (read is not null) proof = read;
        return problem is null;
    }

    public static bool TryReadInclusion(string json, out InclusionProof proof, out string? problem)
    {
        proof = new InclusionProof(0, 0, [], []);
        problem = Read(json, ["seq", "size", "leaf_hash", "hashes"], root =>
        {
            var seq = Size(root, "seq");
            var size = Size(root, "size");
            if (seq >= size) throw new FormatException($"seq {seq} is not below size {size}");
            return new InclusionProof(seq, size, Hash(root.GetProperty("leaf_hash"), "leaf_hash"), HashList(root));
        }, out var read);
        if (read is not null) proof = read;
        return problem is null;
    }

    private static string Hashes(IReadOnlyList<byte[]> hashes) =>
        new StringBuilder("[").AppendJoin(',', hashes.Select(h => $"\"{Convert.ToBase64String(h)}\"")).Append(']').ToString();

    // The problem, or null when the document has exactly the keys and make accepts their values.
    private static string? Read<T>(string json, string[] keys, Func<JsonElement, T> make, out T? result) where T : class
    {
        result = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return "a proof is a JSON object";
            var names = root.EnumerateObject().Select(p => p.Name).ToList();
            if (names.Count != keys.Length || !keys.All(names.Contains)) return $"a proof has exactly the keys {string.Join(", ", keys)}";
            result = make(root);
            return null;
        }
        catch (JsonException e)
        {
            return "not JSON: " + e.Message;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    private static long Size(JsonElement root, string key) =>
        root.GetProperty(key) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var v) && v >= 0
            ? v
            : throw new FormatException($"{key} is not a whole number of zero or more");

    private static List<byte[]> HashList(JsonElement root)
    {
        var hashes = root.GetProperty("hashes");
        if (hashes.ValueKind != JsonValueKind.Array) throw new FormatException("hashes is not an array");
        return [.. hashes.EnumerateArray().Select((h, i) => Hash(h, $"hashes[{i}]"))];
    }

    private static byte[] Hash(JsonElement element, string what)
    {
        var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : "";
        byte[] hash;
        try { hash = Convert.FromBase64String(text); }
        catch (FormatException) { hash = []; }
        return hash.Length == 32 && Convert.ToBase64String(hash) == text ? hash : throw new FormatException($"{what} is not a base64 SHA-256 hash");
    }
}
