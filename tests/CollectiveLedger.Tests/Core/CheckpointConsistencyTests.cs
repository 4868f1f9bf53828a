using System.Security.Cryptography;
using System.Text;
using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Tests.Core;

/// <summary>Two checkpoints judged against each other from a consistency proof alone, and the key files an offline verifier reads.</summary>
public class CheckpointConsistencyTests
{
    private const string Origin = "collectiveledger.local/N2TEST/ledger";

    private static readonly List<byte[]> Leaves = [.. Enumerable.Range(0, 12).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i)))];

    private static Checkpoint At(long size, List<byte[]>? leaves = null, string origin = Origin) => new(origin, size, MerkleProof.Root(leaves ?? Leaves, size));

    private static SignedNote Signed(Checkpoint checkpoint, ECDsa key, string name = "test.village/accountant")
    {
        var spki = key.ExportSubjectPublicKeyInfo();
        var signature = key.SignData(Encoding.UTF8.GetBytes(checkpoint.Body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new SignedNote(checkpoint.Body, [new NoteSignature(name, SignedNote.KeyIdOf(spki), signature)]);
    }

    private static ConsistencyProof Proof(long oldSize, long newSize, List<byte[]>? leaves = null) =>
        new(oldSize, newSize, MerkleProof.Consistency(leaves ?? Leaves, oldSize, newSize));

    [Test]
    public void A_new_checkpoint_that_extends_the_old_is_consistent_and_signed_when_keys_are_given()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (old, @new) = (At(5), At(12));
        var given = new VerifierKey("test.village/accountant", key.ExportSubjectPublicKeyInfo());

        var signedVerdict = CheckpointConsistency.Judge(Signed(old, key), old, Signed(@new, key), @new, Proof(5, 12), [given]);
        var withoutKeys = CheckpointConsistency.Judge(new SignedNote(old.Body, []), old, Signed(@new, key), @new, Proof(5, 12), []);

        Assert.That((signedVerdict.Status, signedVerdict.Ok, signedVerdict.OldSignedBy.Single()), Is.EqualTo((CheckpointResult.Consistent, true, $"test.village/accountant ({given.KeyIdHex})")));
        Assert.That((withoutKeys.Status, withoutKeys.Ok, withoutKeys.SignaturesChecked), Is.EqualTo((CheckpointResult.ConsistentUnsigned, true, false)));
    }

    [Test]
    public void A_fork_is_rewritten_or_shorter_with_both_roots_as_evidence()
    {
        var forked = Leaves.ToList();
        forked[2] = MerkleTree.LeafHash("rewritten"u8);
        var (old, forgedNew, forgedSame) = (At(5), At(12, forked), At(5, forked));
        var none = new SignedNote("", []);

        var rewritten = CheckpointConsistency.Judge(none, old, none, forgedNew, Proof(5, 12, forked), []);
        var sameSize = CheckpointConsistency.Judge(none, old, none, forgedSame, null, []);
        var shorter = CheckpointConsistency.Judge(none, At(12), none, old, null, []);

        Assert.That(rewritten.Status, Is.EqualTo(CheckpointResult.Rewritten));
        Assert.That((rewritten.Problems.Single().Expected, rewritten.Problems.Single().Actual),
            Is.EqualTo((Convert.ToBase64String(old.Root), Convert.ToBase64String(forgedNew.Root))));
        Assert.That(rewritten.Problems.Single().Category, Is.EqualTo(VerifyCategory.Integrity));
        Assert.That(sameSize.Problems.Single().Message, Does.Contain("two checkpoints of the same 5 entries with different roots"));
        Assert.That(shorter.Status, Is.EqualTo(CheckpointResult.Shorter));
    }

    [Test]
    public void An_altered_or_foreign_signature_and_another_origin_are_problems()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (old, @new) = (At(5), At(12));
        var given = new VerifierKey(null, key.ExportSubjectPublicKeyInfo());
        var good = Signed(@new, key);
        var altered = good with { Signatures = [good.Signatures[0] with { Signature = Signed(At(11), key).Signatures[0].Signature }] };

        var alteredVerdict = CheckpointConsistency.Judge(Signed(old, key), old, altered, @new, Proof(5, 12), [given]);
        var foreign = CheckpointConsistency.Judge(Signed(old, other), old, good, @new, Proof(5, 12), [given]);
        var elsewhere = CheckpointConsistency.Judge(new SignedNote("", []), old, new SignedNote("", []), At(12, origin: "collectiveledger.local/N2OTHER/x"), Proof(5, 12), []);

        Assert.That(alteredVerdict.Status, Is.EqualTo(CheckpointResult.BadSignature));
        Assert.That(alteredVerdict.Problems.Single().Message, Does.Contain("on the new checkpoint does not verify"));
        Assert.That(foreign.Problems.Single().Message, Does.Contain("none of the given keys signed the old checkpoint"));
        Assert.That(elsewhere.Problems.Single().Message, Is.EqualTo("the two checkpoints are of different logs"));
    }

    [Test]
    public void A_key_file_is_keys_list_json_or_the_base64_public_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        var id = new VerifierKey(null, key.ExportSubjectPublicKeyInfo()).KeyIdHex;

        Assert.That(VerifierKey.TryParseAll($"[{{\"name\":\"a/b\",\"key_id\":\"{id}\",\"fingerprint\":\"x\",\"public_key\":\"{spki}\"}}]", out var listed, out _), Is.True);
        Assert.That(VerifierKey.TryParseAll(spki + "\n", out var bare, out _), Is.True);
        Assert.That((listed.Single().Name, bare.Single().Name, bare.Single().KeyIdHex), Is.EqualTo(("a/b", (string?)null, id)));
        Assert.That(VerifierKey.TryParseAll($"{{\"key_id\":\"00000000\",\"public_key\":\"{spki}\"}}", out _, out var wrongId), Is.False);
        Assert.That(wrongId, Does.Contain("is not the ID of the public key"));
        Assert.That(VerifierKey.TryParseAll("[]", out _, out var empty), Is.False);
        Assert.That(empty, Does.Contain("no key"));
        Assert.That(VerifierKey.TryParseAll("bm90IGEga2V5", out _, out var notKey), Is.False);
        Assert.That(notKey, Does.Contain("not the base64 DER SubjectPublicKeyInfo of an ECDSA P-256 key"));
    }
}
