using System.Security.Cryptography;
using System.Text.Json;
using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Tests.Core;

/// <summary>
/// MerkleProof and ProofJson against the RFC 6962 / transparency-dev/merkle vectors of
/// schemas/test-vectors/merkle-proofs.json: the roots of the eight-leaf tree, the published proofs
/// made and verified, and the upstream corruptions of each (wrong index or size, a flipped bit,
/// a hash added or removed) refused.
/// </summary>
public class MerkleProofVectorTests
{
    private static readonly JsonElement Vectors =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestLedger.RepoRoot, "schemas", "test-vectors", "merkle-proofs.json"))).RootElement;

    private static readonly List<byte[]> Leaves =
        [.. Vectors.GetProperty("leaves").EnumerateArray().Select(l => MerkleTree.LeafHash(Convert.FromHexString(l.GetString()!)))];

    private static byte[] Root(long size) => Convert.FromBase64String(Vectors.GetProperty("roots")[(int)size - 1].GetProperty("root").GetString()!);

    private static byte[] Flip(byte[] hash, int bit)
    {
        var copy = hash.ToArray();
        copy[0] ^= (byte)bit;
        return copy;
    }

    [Test]
    public void The_roots_of_the_eight_leaf_tree_are_the_published_ones()
    {
        Assert.That(MerkleProof.Root(Leaves, 0), Is.EqualTo(Convert.FromBase64String(Vectors.GetProperty("empty_root").GetString()!)));
        for (var size = 1; size <= 8; size++) Assert.That(MerkleProof.Root(Leaves, size), Is.EqualTo(Root(size)), $"size {size}");
    }

    [Test]
    public void The_published_inclusion_proofs_are_made_read_and_verified_and_their_corruptions_are_not()
    {
        foreach (var vector in Vectors.GetProperty("inclusion").EnumerateArray())
        {
            Assert.That(ProofJson.TryReadInclusion(vector.GetRawText(), out var proof, out var problem), Is.True, problem);
            var (seq, size, leaf, path, root) = (proof.Seq, proof.Size, proof.LeafHash, proof.Hashes.ToList(), Root(proof.Size));

            Assert.That(MerkleProof.Inclusion(Leaves, seq, size), Is.EqualTo(path), vector.GetRawText());
            Assert.That(proof.Verifies(root), Is.True, vector.GetRawText());
            (long, long, byte[], List<byte[]>, byte[])[] wrong =
            [
                (seq - 1, size, leaf, path, root), (seq + 1, size, leaf, path, root), (seq ^ 2, size, leaf, path, root),
                (seq, size * 2, leaf, path, root), (seq, size / 2, leaf, path, root), (seq, size, SHA256.HashData("WrongLeaf"u8), path, root),
                (seq, size, leaf, path, MerkleProof.Root(Leaves, 0)), (seq, size, leaf, [.. path, root], root), (seq, size, leaf, [root, .. path], root),
                .. path.Select((_, i) => (seq, size, leaf, path.Select((h, j) => j == i ? Flip(h, 8) : h).ToList(), root)),
                .. path.Count > 0 ? [(seq, size, leaf, path[..^1], root)] : Array.Empty<(long, long, byte[], List<byte[]>, byte[])>(),
            ];
            foreach (var (s, n, l, p, r) in wrong)
                Assert.That(MerkleProof.VerifyInclusion(s, n, l, p, r), Is.False, $"{vector.GetRawText()} as {s} of {n}");
        }
    }

    [Test]
    public void The_published_consistency_proofs_are_made_read_and_verified_and_their_corruptions_are_not()
    {
        foreach (var vector in Vectors.GetProperty("consistency").EnumerateArray())
        {
            Assert.That(ProofJson.TryReadConsistency(vector.GetRawText(), out var proof, out var problem), Is.True, problem);
            var (m, n, path) = (proof.OldSize, proof.NewSize, proof.Hashes.ToList());
            var (r1, r2) = (Root(m), Root(n));

            Assert.That(MerkleProof.Consistency(Leaves, m, n), Is.EqualTo(path), vector.GetRawText());
            Assert.That(proof.Verifies(r1, r2), Is.True, vector.GetRawText());
            if (path.Count == 0) continue;
            (long, long, byte[], byte[], List<byte[]>)[] wrong =
            [
                (m - 1, n, r1, r2, path), (m + 1, n, r1, r2, path), (m ^ 2, n, r1, r2, path), (m, n * 2, r1, r2, path), (m, n / 2, r1, r2, path),
                (m, n, r2, r1, path), (m, n, r1, r2, []), (m, n, r1, r2, [.. path, r1]), (m, n, r1, r2, [r2, .. path]), (m, n, r1, r2, path[..^1]),
                .. path.Select((_, i) => (m, n, r1, r2, path.Select((h, j) => j == i ? Flip(h, 16) : h).ToList())),
            ];
            foreach (var (a, b, x, y, p) in wrong)
                Assert.That(MerkleProof.VerifyConsistency(a, b, x, y, p), Is.False, $"{vector.GetRawText()} as {a} -> {b}");
        }
    }

    [Test]
    public void Proof_json_is_written_in_one_line_with_standard_base64_and_read_back()
    {
        var consistency = new ConsistencyProof(6, 8, MerkleProof.Consistency(Leaves, 6, 8));
        var inclusion = new InclusionProof(5, 8, Leaves[5], MerkleProof.Inclusion(Leaves, 5, 8));

        var written = ProofJson.Write(consistency);
        var writtenInclusion = ProofJson.Write(inclusion);

        Assert.That(written, Is.EqualTo(Vectors.GetProperty("consistency")[2].GetRawText().Replace(" ", "").Replace("\n", "")));
        Assert.That(writtenInclusion, Does.Match("^\\{\"seq\":5,\"size\":8,\"leaf_hash\":\"[A-Za-z0-9+/]{43}=\",\"hashes\":\\[(\"[A-Za-z0-9+/]{43}=\",?){3}\\]\\}$"));
        Assert.That(ProofJson.TryReadInclusion(writtenInclusion, out var read, out _), Is.True);
        Assert.That((read.Seq, read.Size, read.LeafHash, read.Hashes), Is.EqualTo((5L, 8L, Leaves[5], inclusion.Hashes)));
    }

    [TestCase("[]", "a proof is a JSON object")]
    [TestCase("{\"old_size\":1,\"new_size\":2}", "exactly the keys old_size, new_size, hashes")]
    [TestCase("{\"old_size\":3,\"new_size\":2,\"hashes\":[]}", "old_size 3 is larger than new_size 2")]
    [TestCase("{\"old_size\":-1,\"new_size\":2,\"hashes\":[]}", "old_size is not a whole number")]
    [TestCase("{\"old_size\":1.5,\"new_size\":2,\"hashes\":[]}", "old_size is not a whole number")]
    [TestCase("{\"old_size\":1,\"new_size\":2,\"hashes\":[\"AAAA\"]}", "hashes[0] is not a base64 SHA-256 hash")]
    [TestCase("{\"old_size\":1,\"new_size\":2,\"hashes\":\"x\"}", "hashes is not an array")]
    [TestCase("{\"old_size\":1,", "not JSON")]
    public void A_consistency_proof_that_is_not_one_is_refused_saying_why(string json, string why)
    {
        Assert.That(ProofJson.TryReadConsistency(json, out _, out var problem), Is.False);
        Assert.That(problem, Does.Contain(why));
    }
}
