using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Publishing.Witnessing;

/// <summary>A key the village signs its checkpoints with, as the witness trusts it: name and DER SubjectPublicKeyInfo (P-256).</summary>
public sealed record LogKey(string Name, byte[] PublicKey)
{
    public uint KeyId => SignedNote.KeyIdOf(PublicKey);
}

/// <summary>
/// What a witness keeps of one log: its origin, the keys it trusts for it, and the latest checkpoint it
/// cosigned (size 0 and the empty tree's root before the first; <see cref="Note"/> empty then).
/// </summary>
public sealed record WitnessedLog(string Origin, IReadOnlyList<LogKey> Keys, long Size, byte[] Root, string Note)
{
    public static WitnessedLog New(string origin, IReadOnlyList<LogKey> keys) =>
        new(origin, keys, 0, MerkleProof.Root([], 0), "");
}
