using System.Security.Cryptography;
using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Tests.Core;

/// <summary>Inclusion and consistency proofs on seeded random trees, against roots computed by the incremental tree.</summary>
public class MerkleProofTests
{
    private static List<byte[]> Leaves(int n) =>
        [.. Enumerable.Range(0, n).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i)))];

    private static byte[] RootOf(List<byte[]> leaves, int size)
    {
        var tree = new MerkleTree();
        foreach (var leaf in leaves.Take(size)) tree.AppendLeaf(leaf);
        return tree.Root();
    }

    [Test]
    public void Every_inclusion_proof_of_small_trees_verifies_and_no_other_leaf_or_index_does()
    {
        var leaves = Leaves(40);
        for (var size = 1; size <= leaves.Count; size++)
        {
            var root = RootOf(leaves, size);
            Assert.That(MerkleProof.Root(leaves, size), Is.EqualTo(root));
            for (var i = 0; i < size; i++)
            {
                var proof = MerkleProof.Inclusion(leaves, i, size);
                Assert.That(MerkleProof.VerifyInclusion(i, size, leaves[i], proof, root), Is.True, $"leaf {i} of {size}");
                Assert.That(MerkleProof.VerifyInclusion(i, size, leaves[(i + 1) % leaves.Count], proof, root), Is.False, $"another leaf at {i} of {size}");
                if (size > 1) Assert.That(MerkleProof.VerifyInclusion((i + 1) % size, size, leaves[i], proof, root), Is.False, $"leaf {i} claimed at another index of {size}");
            }
        }
    }

    [Test]
    public void Every_consistency_proof_of_small_trees_verifies_and_a_changed_leaf_breaks_it()
    {
        var leaves = Leaves(33);
        for (var newSize = 1; newSize <= leaves.Count; newSize++)
        {
            var newRoot = RootOf(leaves, newSize);
            for (var oldSize = 0; oldSize <= newSize; oldSize++)
            {
                var oldRoot = RootOf(leaves, oldSize);
                var proof = MerkleProof.Consistency(leaves, oldSize, newSize);
                Assert.That(MerkleProof.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, proof), Is.True, $"{oldSize} -> {newSize}");
                if (oldSize == 0) continue;
                // A fork: the same old size with one leaf changed has another root, which the proof does not reach.
                var forked = leaves.ToList();
                forked[oldSize - 1] = MerkleTree.LeafHash("rewritten"u8);
                Assert.That(MerkleProof.VerifyConsistency(oldSize, newSize, RootOf(forked, oldSize), newRoot, proof), Is.False, $"forked {oldSize} -> {newSize}");
                if (oldSize < newSize)
                    Assert.That(MerkleProof.VerifyConsistency(oldSize, newSize, oldRoot, RootOf(forked, newSize), proof), Is.False, $"{oldSize} -> forked {newSize}");
            }
        }
    }

    [Test]
    public void Random_large_trees_prove_inclusion_and_consistency_with_logarithmic_proofs()
    {
        var random = new Random(20261203);
        var leaves = Leaves(5000);
        for (var round = 0; round < 50; round++)
        {
            var newSize = random.Next(1, leaves.Count + 1);
            var oldSize = random.Next(1, newSize + 1);
            var index = random.Next(0, newSize);
            var newRoot = RootOf(leaves, newSize);
            var inclusion = MerkleProof.Inclusion(leaves, index, newSize);
            var consistency = MerkleProof.Consistency(leaves, oldSize, newSize);
            Assert.That(MerkleProof.VerifyInclusion(index, newSize, leaves[index], inclusion, newRoot), Is.True);
            Assert.That(MerkleProof.VerifyConsistency(oldSize, newSize, RootOf(leaves, oldSize), newRoot, consistency), Is.True);
            Assert.That(inclusion.Count, Is.LessThanOrEqualTo(13));
            Assert.That(consistency.Count, Is.LessThanOrEqualTo(2 * 13));
            var tampered = consistency.Select(h => h.ToArray()).ToList();
            if (tampered.Count > 0)
            {
                tampered[random.Next(tampered.Count)][0] ^= 1;
                Assert.That(MerkleProof.VerifyConsistency(oldSize, newSize, RootOf(leaves, oldSize), newRoot, tampered), Is.False);
            }
        }
    }

    [Test]
    public void A_smaller_new_tree_or_a_padded_proof_is_refused()
    {
        var leaves = Leaves(10);
        var proof = MerkleProof.Consistency(leaves, 4, 10);
        Assert.That(MerkleProof.VerifyConsistency(10, 4, RootOf(leaves, 10), RootOf(leaves, 4), proof), Is.False);
        Assert.That(MerkleProof.VerifyConsistency(4, 10, RootOf(leaves, 4), RootOf(leaves, 10), [.. proof, SHA256.HashData("x"u8)]), Is.False);
        Assert.That(MerkleProof.VerifyConsistency(7, 7, RootOf(leaves, 7), RootOf(leaves, 7), [SHA256.HashData("x"u8)]), Is.False);
        Assert.That(MerkleProof.VerifyInclusion(3, 10, leaves[3], [.. MerkleProof.Inclusion(leaves, 3, 10), SHA256.HashData("x"u8)], RootOf(leaves, 10)), Is.False);
    }
}
