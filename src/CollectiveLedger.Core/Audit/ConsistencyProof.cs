namespace CollectiveLedger.Core.Audit;

/// <summary>
/// An RFC 6962 consistency proof (<see cref="MerkleProof.Consistency"/>): the hashes that show the tree
/// of the first <see cref="OldSize"/> entries a prefix of the tree of the first <see cref="NewSize"/>.
/// Read and written as JSON by <see cref="ProofJson"/>.
/// </summary>
public sealed record ConsistencyProof(long OldSize, long NewSize, IReadOnlyList<byte[]> Hashes)
{
    /// <summary>Whether the proof leads from <paramref name="oldRoot"/> (of <see cref="OldSize"/>) to <paramref name="newRoot"/> (of <see cref="NewSize"/>).</summary>
    public bool Verifies(ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot) =>
        MerkleProof.VerifyConsistency(OldSize, NewSize, oldRoot, newRoot, Hashes);
}
