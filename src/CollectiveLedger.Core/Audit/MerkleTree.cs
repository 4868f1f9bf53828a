using System.Security.Cryptography;

namespace CollectiveLedger.Core.Audit;

/// <summary>
/// The RFC 6962 Merkle tree hash over log entries, computed incrementally in O(log n) memory:
/// leaf = SHA-256(0x00 || entry), node = SHA-256(0x01 || left || right), empty = SHA-256("").
/// The stack holds complete subtrees of decreasing size; folding it right to left gives the
/// RFC's split at the largest power of two below n.
/// </summary>
public sealed class MerkleTree
{
    private readonly List<(byte[] Hash, long Size)> _subtrees = [];

    public long Size { get; private set; }

    public void Append(ReadOnlySpan<byte> entry) => AppendLeaf(LeafHash(entry));

    /// <summary>SHA-256(0x00 || entry): pure, so callers may compute leaves in parallel and append them in order.</summary>
    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(entry.Length + 1);
        try
        {
            buffer[0] = 0;
            entry.CopyTo(buffer.AsSpan(1));
            return SHA256.HashData(buffer.AsSpan(0, entry.Length + 1));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void AppendLeaf(byte[] leafHash)
    {
        var hash = leafHash;
        long size = 1;
        while (_subtrees.Count > 0 && _subtrees[^1].Size == size)
        {
            hash = Node(_subtrees[^1].Hash, hash);
            size *= 2;
            _subtrees.RemoveAt(_subtrees.Count - 1);
        }
        _subtrees.Add((hash, size));
        Size++;
    }

    public byte[] Root()
    {
        if (_subtrees.Count == 0) return SHA256.HashData(ReadOnlySpan<byte>.Empty);
        var hash = _subtrees[^1].Hash;
        for (var i = _subtrees.Count - 2; i >= 0; i--) hash = Node(_subtrees[i].Hash, hash);
        return hash;
    }

    private static byte[] Node(byte[] left, byte[] right) => MerkleProof.Node(left, right);
}
