using System.Security.Cryptography;
using CollectiveLedger.Core.Audit;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace CollectiveLedger.Publishing.Witnessing;

/// <summary>
/// A witness's private Ed25519 key (its 32-byte seed, RFC 8032) and name. The front end keeps the
/// seed encrypted on disk; here it only signs.
/// </summary>
public sealed class WitnessSigner
{
    private readonly Ed25519PrivateKeyParameters _key;

    public WitnessSigner(string name, byte[] seed)
    {
        Core.Precondition.Require(seed.Length == 32 && SignedNote.IsKeyName(name), "an Ed25519 seed is 32 bytes and the name a note key name");
        _key = new Ed25519PrivateKeyParameters(seed, 0);
        Key = new WitnessKey(name, _key.GeneratePublicKey().GetEncoded());
    }

    public WitnessKey Key { get; }

    public static WitnessSigner Generate(string name) => new(name, RandomNumberGenerator.GetBytes(32));

    public byte[] Seed => _key.GetEncoded();

    /// <summary>The cosignature/v1 line on <paramref name="body"/> at <paramref name="timestamp"/> (Unix seconds).</summary>
    public NoteSignature Cosign(string body, long timestamp)
    {
        var message = Cosignature.Message(timestamp, body);
        var signer = new Ed25519Signer();
        signer.Init(true, _key);
        signer.BlockUpdate(message, 0, message.Length);
        return Cosignature.Line(Key, timestamp, signer.GenerateSignature());
    }
}
