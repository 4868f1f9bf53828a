using System.Text.Json;
using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Tests.Cli;

/// <summary>
/// The C# proofs (MerkleProof, ProofJson) and the reference verifier's (schemas/verify_log.py) held
/// against each other on seeded random trees: C# makes proofs that Python verifies, Python makes
/// proofs that C# verifies, and each refuses the other's proofs once tampered with.
/// </summary>
public class ProofCrossCheckTests
{
    private const int Seed = 20261203;

    // Reads the C# proofs, verifies each (true/false), then makes proofs of its own in the same JSON.
    private const string Script = """
        import base64, json, random, sys
        sys.path.insert(0, sys.argv[1])
        import verify_log as v
        d = json.load(open(sys.argv[2], encoding="utf-8"))
        leaves = [base64.b64decode(x) for x in d["leaves"]]
        unb = lambda s: base64.b64decode(s)
        out = {"inclusion": [], "consistency": [], "made_inclusion": [], "made_consistency": []}
        for c in d["inclusion"]:
            p = v.read_proof(c["proof"], "seq size leaf_hash hashes")
            out["inclusion"].append(v.verify_inclusion(p["seq"], p["size"], p["leaf_hash"], p["hashes"], unb(c["root"])))
        for c in d["consistency"]:
            p = v.read_proof(c["proof"], "old_size new_size hashes")
            out["consistency"].append(v.verify_consistency(p["old_size"], p["new_size"], unb(c["old_root"]), unb(c["new_root"]), p["hashes"]))
        rng = random.Random(int(sys.argv[3]))
        b64 = lambda h: base64.b64encode(h).decode()
        for _ in range(60):
            n = rng.randint(1, len(leaves)); m = rng.randint(0, n); i = rng.randrange(n)
            out["made_inclusion"].append({"proof": json.dumps({"seq": i, "size": n, "leaf_hash": b64(leaves[i]), "hashes": [b64(h) for h in v.inclusion_proof(leaves, i, n)]}),
                                          "root": b64(v.merkle_root(leaves[:n]))})
            out["made_consistency"].append({"proof": json.dumps({"old_size": m, "new_size": n, "hashes": [b64(h) for h in v.consistency_proof(leaves, m, n)]}),
                                            "old_root": b64(v.merkle_root(leaves[:m])), "new_root": b64(v.merkle_root(leaves[:n]))})
        print(json.dumps(out))
        """;

    [Test]
    public void Csharp_and_python_verify_each_others_proofs_on_seeded_random_trees_and_refuse_tampered_ones()
    {
        var random = new Random(Seed);
        var leaves = Enumerable.Range(0, random.Next(200, 700)).Select(_ => MerkleTree.LeafHash(BitConverter.GetBytes(random.NextInt64()))).ToList();
        var inclusion = new List<(string Proof, string Root, bool Honest)>();
        var consistency = new List<(string Proof, string OldRoot, string NewRoot, bool Honest)>();
        for (var round = 0; round < 60; round++)
        {
            var n = random.Next(1, leaves.Count + 1);
            var (m, i) = (random.Next(1, n + 1), random.Next(0, n));
            var honest = round % 4 != 3;
            var path = MerkleProof.Inclusion(leaves, i, n).Select(h => h.ToArray()).ToList();
            var (root, oldRoot, newRoot) = (MerkleProof.Root(leaves, n), MerkleProof.Root(leaves, m), MerkleProof.Root(leaves, n));
            if (!honest)
            {
                // Tampered: a flipped bit in the path (or another root), and an old tree rewritten (or another new root at the same size).
                if (path.Count > 0) path[random.Next(path.Count)][0] ^= 1;
                else root = SHA("other");
                if (m < n) oldRoot = SHA("rewritten");
                else newRoot = SHA("other");
            }
            inclusion.Add((ProofJson.Write(new InclusionProof(i, n, leaves[i], path)), Convert.ToBase64String(root), honest));
            consistency.Add((ProofJson.Write(new ConsistencyProof(m, n, MerkleProof.Consistency(leaves, m, n))), Convert.ToBase64String(oldRoot), Convert.ToBase64String(newRoot), honest));
        }
        var input = Path.Combine(Path.GetTempPath(), $"cledger-proofs-{Guid.NewGuid():N}.json");
        File.WriteAllText(input, JsonSerializer.Serialize(new
        {
            leaves = leaves.Select(Convert.ToBase64String),
            inclusion = inclusion.Select(c => new { proof = c.Proof, root = c.Root }),
            consistency = consistency.Select(c => new { proof = c.Proof, old_root = c.OldRoot, new_root = c.NewRoot }),
        }));

        JsonElement python;
        try { python = RunPython(input); }
        finally { File.Delete(input); }

        Assert.That(python.GetProperty("inclusion").EnumerateArray().Select(b => b.GetBoolean()), Is.EqualTo(inclusion.Select(c => c.Honest)), $"seed {Seed}");
        Assert.That(python.GetProperty("consistency").EnumerateArray().Select(b => b.GetBoolean()), Is.EqualTo(consistency.Select(c => c.Honest)), $"seed {Seed}");
        foreach (var made in python.GetProperty("made_inclusion").EnumerateArray())
        {
            Assert.That(ProofJson.TryReadInclusion(made.GetProperty("proof").GetString()!, out var proof, out var problem), Is.True, problem);
            var root = Convert.FromBase64String(made.GetProperty("root").GetString()!);
            Assert.That(proof.Verifies(root), Is.True, $"seed {Seed}: {made}");
            Assert.That(proof.Hashes, Is.EqualTo(MerkleProof.Inclusion(leaves, proof.Seq, proof.Size)), "the same path");
            Assert.That(proof.Verifies(SHA("other")), Is.False);
        }
        foreach (var made in python.GetProperty("made_consistency").EnumerateArray())
        {
            Assert.That(ProofJson.TryReadConsistency(made.GetProperty("proof").GetString()!, out var proof, out var problem), Is.True, problem);
            var (oldRoot, newRoot) = (Convert.FromBase64String(made.GetProperty("old_root").GetString()!), Convert.FromBase64String(made.GetProperty("new_root").GetString()!));
            Assert.That(proof.Verifies(oldRoot, newRoot), Is.True, $"seed {Seed}: {made}");
            Assert.That(proof.Hashes, Is.EqualTo(MerkleProof.Consistency(leaves, proof.OldSize, proof.NewSize)), "the same proof");
            if (proof.OldSize > 0 && proof.OldSize < proof.NewSize) Assert.That(proof.Verifies(SHA("rewritten"), newRoot), Is.False);
        }
    }

    private static byte[] SHA(string text) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));

    private static JsonElement RunPython(string input)
    {
        var result = Python.Run("-c", Script, Path.Combine(TestLedger.RepoRoot, "schemas"), input, Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(result.Code, Is.Zero, result.Err);
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }
}
