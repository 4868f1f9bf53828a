using System.Numerics;
using System.Security.Cryptography;

namespace CollectiveLedger.Core.Audit;

/// <summary>
/// RFC 6962 / RFC 9162 (section 2.1.3, 2.1.4) inclusion and consistency proofs over the tree of
/// <see cref="MerkleTree"/>: made from the leaf hashes of the log, checked from the proof alone.
/// Making a proof reads every leaf up to the tree's size once (O(n)); checking one is O(log n).
/// </summary>
public static class MerkleProof
{
    /// <summary>The audit path of leaf <paramref name="index"/> in the tree of the first <paramref name="size"/> leaves.</summary>
    public static IReadOnlyList<byte[]> Inclusion(IReadOnlyList<byte[]> leaves, long index, long size)
    {
        Precondition.Require(0 <= index && index < size && size <= leaves.Count, "the leaf lies in a tree the leaves cover");
        var path = new List<byte[]>();
        Path(leaves, (int)index, 0, (int)size, path);
        return path;
    }

    /// <summary>The proof that the tree of the first <paramref name="oldSize"/> leaves is a prefix of that of <paramref name="newSize"/>.</summary>
    public static IReadOnlyList<byte[]> Consistency(IReadOnlyList<byte[]> leaves, long oldSize, long newSize)
    {
        Precondition.Require(0 <= oldSize && oldSize <= newSize && newSize <= leaves.Count, "the trees are of leaves the list covers");
        var proof = new List<byte[]>();
        if (oldSize > 0 && oldSize < newSize) SubProof(leaves, (int)oldSize, 0, (int)newSize, true, proof);
        return proof;
    }

    /// <summary>The root of the first <paramref name="size"/> leaves.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leaves, long size) =>
        size == 0 ? SHA256.HashData(ReadOnlySpan<byte>.Empty) : Hash(leaves, 0, (int)size);

    /// <summary>Whether <paramref name="proof"/> shows the leaf hash at <paramref name="index"/> in the tree of <paramref name="size"/> with <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size || leafHash.Length != 32) return false;
        var (fn, sn) = (index, size - 1);
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0 || p.Length != 32) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = Node(p, r);
                while ((fn & 1) == 0 && fn != 0) (fn, sn) = (fn >> 1, sn >> 1);
            }
            else r = Node(r, p);
            (fn, sn) = (fn >> 1, sn >> 1);
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>Whether <paramref name="proof"/> shows the tree (<paramref name="oldSize"/>, <paramref name="oldRoot"/>) a prefix of (<paramref name="newSize"/>, <paramref name="newRoot"/>).</summary>
    public static bool VerifyConsistency(long oldSize, long newSize, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot, IReadOnlyList<byte[]> proof)
    {
        if (oldSize < 0 || oldSize > newSize || oldRoot.Length != 32 || newRoot.Length != 32 || proof.Any(p => p.Length != 32)) return false;
        if (oldSize == newSize) return proof.Count == 0 && oldRoot.SequenceEqual(newRoot);
        if (oldSize == 0) return proof.Count == 0;
        if (proof.Count == 0) return false;
        var hashes = BitOperations.IsPow2(oldSize) ? [oldRoot.ToArray(), .. proof] : proof.ToList();
        var (fn, sn) = (oldSize - 1, newSize - 1);
        while ((fn & 1) == 1) (fn, sn) = (fn >> 1, sn >> 1);
        var (fr, sr) = (hashes[0], hashes[0]);
        foreach (var c in hashes.Skip(1))
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                (fr, sr) = (Node(c, fr), Node(c, sr));
                while ((fn & 1) == 0 && fn != 0) (fn, sn) = (fn >> 1, sn >> 1);
            }
            else sr = Node(sr, c);
            (fn, sn) = (fn >> 1, sn >> 1);
        }
        return sn == 0 && fr.AsSpan().SequenceEqual(oldRoot) && sr.AsSpan().SequenceEqual(newRoot);
    }

    // PATH(m, D[lo:hi]) of RFC 6962 2.1.1, with m relative to lo.
    private static void Path(IReadOnlyList<byte[]> leaves, int m, int lo, int hi, List<byte[]> path)
    {
        if (hi - lo == 1) return;
        var k = Split(hi - lo);
        if (m < k)
        {
            Path(leaves, m, lo, lo + k, path);
            path.Add(Hash(leaves, lo + k, hi));
        }
        else
        {
            Path(leaves, m - k, lo + k, hi, path);
            path.Add(Hash(leaves, lo, lo + k));
        }
    }

    // SUBPROOF(m, D[lo:hi], b) of RFC 6962 2.1.2.
    private static void SubProof(IReadOnlyList<byte[]> leaves, int m, int lo, int hi, bool whole, List<byte[]> proof)
    {
        if (m == hi - lo)
        {
            if (!whole) proof.Add(Hash(leaves, lo, hi));
            return;
        }
        var k = Split(hi - lo);
        if (m <= k)
        {
            SubProof(leaves, m, lo, lo + k, whole, proof);
            proof.Add(Hash(leaves, lo + k, hi));
        }
        else
        {
            SubProof(leaves, m - k, lo + k, hi, false, proof);
            proof.Add(Hash(leaves, lo, lo + k));
        }
    }

    // MTH(D[lo:hi]) for hi > lo, from the leaf hashes.
    private static byte[] Hash(IReadOnlyList<byte[]> leaves, int lo, int hi)
    {
        if (hi - lo == 1) return leaves[lo];
        var k = Split(hi - lo);
        return Node(Hash(leaves, lo, lo + k), Hash(leaves, lo + k, hi));
    }

    // The largest power of two smaller than n (n > 1).
    private static int Split(int n) => 1 << (31 - BitOperations.LeadingZeroCount((uint)(n - 1)));

    internal static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[65];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[33..]);
        return SHA256.HashData(buffer);
    }
}
