using CollectiveLedger.Core.Audit;
using static CollectiveLedger.Core.Audit.EventData;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// A public key that may sign checkpoints (ECDSA P-256, DER SubjectPublicKeyInfo; audit-log.md 7.8).
/// No secret is ever logged.
/// </summary>
public sealed record KeyRegistered(string Name, uint KeyId, byte[] PublicKey) : LedgerEvent
{
    public const string Algorithm = "ecdsa-p256-sha256";

    public static readonly EventKind Definition = new("key.registered", Read);

    public override string Kind => Definition.Name;

    public override string? ActedBy => null;

    public override IEnumerable<string> Recheck(LedgerState state, DateOnly today, string actor) =>
        ProblemsOf(SettingRules.RegisterKey(Name, PublicKey, state), sameEvent: false);

    /// <summary>The key ID as printed on notices: eight hex digits.</summary>
    public string KeyIdHex => KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>SHA-256 of the public key in groups of four hex digits, for people to compare.</summary>
    public string Fingerprint => string.Join(' ', Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(PublicKey)).Chunk(4).Take(8).Select(c => new string(c)));

    public override void WriteData(CanonicalJsonWriter w)
    {
        w.Property("algorithm", Algorithm);
        w.Property("key_id", KeyIdHex);
        w.Property("name", Name);
        w.Property("public_key", Convert.ToBase64String(PublicKey));
    }

    internal override void ApplyTo(LedgerState state) => state.Register(this);

    public override IEnumerable<ProjectedRow> Rows(long seq) => [new("signing_keys", [Name, KeyIdHex, Convert.ToBase64String(PublicKey), seq])];

    /// <summary>The key ID is recomputed from the key, and a mismatch is refused.</summary>
    private static KeyRegistered Read(System.Text.Json.JsonElement d)
    {
        if (Str(d, "algorithm") != Algorithm) throw new FormatException("unknown key algorithm");
        var publicKey = Convert.FromBase64String(Str(d, "public_key"));
        var key = new KeyRegistered(Str(d, "name"), SignedNote.KeyIdOf(publicKey), publicKey);
        if (key.KeyIdHex != Str(d, "key_id")) throw new FormatException("key_id is not the ID of public_key");
        return key;
    }
}
