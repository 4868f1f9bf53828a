namespace CollectiveLedger.Core.Audit;

/// <summary>
/// A public key given to an offline verifier (<c>verify --against --key FILE</c>): its DER
/// SubjectPublicKeyInfo and, when the file names it, the key's name. A signature line is checked
/// with it when its key ID (and name, if known) are this key's.
/// </summary>
public sealed record VerifierKey(string? Name, byte[] PublicKey)
{
    public uint KeyId => SignedNote.KeyIdOf(PublicKey);

    public string KeyIdHex => KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    public bool Matches(NoteSignature signature) => signature.KeyId == KeyId && (Name is null || Name == signature.KeyName);

    /// <summary>
    /// The keys of a key file (audit-log.md section 15.3): what <c>keys list --format json</c> prints (an
    /// array of objects, or one object, each with <c>public_key</c>, base64 DER SubjectPublicKeyInfo,
    /// and optionally <c>name</c> and <c>key_id</c>, which must be the key's), or that base64 alone.
    /// </summary>
    public static bool TryParseAll(string text, out IReadOnlyList<VerifierKey> keys, out string? problem)
    {
        keys = [];
        text = text.Trim();
        try
        {
            if (!text.StartsWith('[') && !text.StartsWith('{'))
            {
                keys = [Of(null, text, null)];
            }
            else
            {
                using var document = System.Text.Json.JsonDocument.Parse(text);
                var root = document.RootElement;
                var items = root.ValueKind == System.Text.Json.JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
                keys = [.. items.Select(k => Of(Text(k, "name"), Text(k, "public_key") ?? throw new FormatException("a key has no public_key"), Text(k, "key_id")))];
            }
            problem = keys.Count == 0 ? "the file holds no key" : null;
            return problem is null;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            problem = e.Message;
            return false;
        }

        static string? Text(System.Text.Json.JsonElement key, string name) =>
            key.TryGetProperty(name, out var v) ? v.GetString() : null;
    }

    private static VerifierKey Of(string? name, string publicKey, string? keyId)
    {
        byte[] spki;
        try { spki = Convert.FromBase64String(publicKey); }
        catch (FormatException) { spki = []; }
        if (!SignedNote.IsP256PublicKey(spki)) throw new FormatException("public_key is not the base64 DER SubjectPublicKeyInfo of an ECDSA P-256 key");
        var key = new VerifierKey(name, spki);
        if (keyId is not null && keyId != key.KeyIdHex) throw new FormatException($"key_id {keyId} is not the ID of the public key ({key.KeyIdHex})");
        if (name is not null && !SignedNote.IsKeyName(name)) throw new FormatException($"'{name}' is not a key name");
        return key;
    }
}
