namespace CollectiveLedger.Core.Audit;

/// <summary>
/// An RFC 6962 inclusion proof (<see cref="MerkleProof.Inclusion"/>): the audit path that shows entry
/// <see cref="Seq"/>, whose leaf hash is SHA-256(0x00 || entry), in the tree of the first
/// <see cref="Size"/> entries. Read and written as JSON by <see cref="ProofJson"/>.
/// </summary>
public sealed record InclusionProof(long Seq, long Size, byte[] LeafHash, IReadOnlyList<byte[]> Hashes)
{
    /// <summary>Whether the proof leads from the leaf hash to <paramref name="root"/>.</summary>
    public bool Verifies(ReadOnlySpan<byte> root) => MerkleProof.VerifyInclusion(Seq, Size, LeafHash, Hashes, root);
}
