using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Publishing.Witnessing;

/// <summary>
/// A witness's public key as C2SP tlog-cosignature names it: an Ed25519 key (32 bytes) under a name.
/// Its key ID is the first four bytes of SHA-256(name || 0x0A || 0x04 || key), and its verifier key
/// (vkey), the one line a witness hands out, is <c>name+hex(key ID)+base64(0x04 || key)</c>.
/// </summary>
public sealed record WitnessKey(string Name, byte[] PublicKey)
{
    /// <summary>The signature type byte of cosignature/v1.</summary>
    public const byte CosignatureType = 0x04;

    public uint KeyId
    {
        get
        {
            var name = Encoding.UTF8.GetBytes(Name);
            var buffer = new byte[name.Length + 2 + PublicKey.Length];
            name.CopyTo(buffer, 0);
            buffer[name.Length] = 0x0A;
            buffer[name.Length + 1] = CosignatureType;
            PublicKey.CopyTo(buffer, name.Length + 2);
            return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(buffer));
        }
    }

    public string KeyIdHex => KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    public string VerifierKey => $"{Name}+{KeyIdHex}+{Convert.ToBase64String([CosignatureType, .. PublicKey])}";

    /// <summary>Reads a vkey line; its key ID must be the one the name and key give.</summary>
    public static bool TryParse(string text, out WitnessKey key, out string? problem)
    {
        key = new WitnessKey("", []);
        var parts = text.Trim().Split('+', 3);
        byte[] encoded;
        try { encoded = parts.Length == 3 ? Convert.FromBase64String(parts[2]) : []; }
        catch (FormatException) { encoded = []; }
        if (parts.Length != 3 || !SignedNote.IsKeyName(parts[0]) || encoded.Length != 33 || encoded[0] != CosignatureType)
        {
            problem = "a witness key is NAME+KEYID+base64(0x04 || Ed25519 public key)";
            return false;
        }
        key = new WitnessKey(parts[0], encoded[1..]);
        if (!string.Equals(key.KeyIdHex, parts[1], StringComparison.OrdinalIgnoreCase))
        {
            problem = $"the key ID {parts[1]} is not the one of this name and key ({key.KeyIdHex})";
            return false;
        }
        problem = null;
        return true;
    }
}
