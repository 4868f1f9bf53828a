using System.Buffers.Binary;
using System.Text;
using CollectiveLedger.Core.Audit;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace CollectiveLedger.Publishing.Witnessing;

/// <summary>
/// C2SP tlog-cosignature/v1: a witness's Ed25519 signature over
/// <c>"cosignature/v1\ntime " + timestamp + "\n" + checkpoint body</c>, carried in a signed note as
/// <c>— name base64(key ID[4] || timestamp[8, big endian, seconds] || signature[64])</c>.
/// </summary>
public static class Cosignature
{
    /// <summary>A cosignature line's payload after its key ID: the timestamp and the signature.</summary>
    public const int PayloadLength = 8 + 64;

    public static byte[] Message(long timestamp, string body) =>
        Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cosignature/v1\ntime {timestamp}\n{body}"));

    /// <summary>The note signature of <paramref name="key"/> made from <paramref name="timestamp"/> and an Ed25519 signature.</summary>
    public static NoteSignature Line(WitnessKey key, long timestamp, byte[] signature)
    {
        var payload = new byte[PayloadLength];
        BinaryPrimitives.WriteInt64BigEndian(payload, timestamp);
        signature.CopyTo(payload, 8);
        return new NoteSignature(key.Name, key.KeyId, payload);
    }

    /// <summary>
    /// The timestamp of a valid cosignature of <paramref name="key"/> on the note, or null when the note
    /// carries none (signatures of other keys are ignored, as C2SP says).
    /// </summary>
    public static long? VerifiedTimestamp(SignedNote note, WitnessKey key)
    {
        foreach (var s in note.Signatures)
        {
            if (s.KeyName != key.Name || s.KeyId != key.KeyId || s.Signature.Length != PayloadLength) continue;
            var timestamp = BinaryPrimitives.ReadInt64BigEndian(s.Signature);
            if (timestamp >= 0 && Verifies(key.PublicKey, Message(timestamp, note.Text), s.Signature[8..])) return timestamp;
        }
        return null;
    }

    /// <summary>Whether an Ed25519 signature verifies; a malformed key verifies nothing.</summary>
    public static bool Verifies(byte[] publicKey, byte[] message, byte[] signature)
    {
        if (publicKey.Length != 32 || signature.Length != 64) return false;
        try
        {
            var verifier = new Ed25519Signer();
            verifier.Init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.BlockUpdate(message, 0, message.Length);
            return verifier.VerifySignature(signature);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
