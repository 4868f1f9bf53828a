using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Publishing;

/// <summary>
/// A key that signs checkpoints, as the front ends hold it: its name, its public key (DER
/// SubjectPublicKeyInfo) and the signing itself. The private key stays with the front end (the
/// command line's encrypted key file, unlocked by its passphrase); nothing here stores it.
/// </summary>
public sealed record NoticeSigner(string Name, byte[] PublicKey, Func<string, NoteSignature> Sign)
{
    public uint KeyId => SignedNote.KeyIdOf(PublicKey);
}
