namespace CollectiveLedger.Core.Audit;

/// <summary>
/// Holds two checkpoints of one log against each other, offline, from a consistency proof alone
/// (audit-log.md section 15.3): no database, no log. The new checkpoint must extend the old: same
/// origin, at least as many entries, and the proof must lead from the old root to the new. Anything
/// else is evidence of a fork, and the problem carries both roots.
/// </summary>
public static class CheckpointConsistency
{
    /// <param name="proof">Needed when the new checkpoint is larger; its sizes are those of the two checkpoints.</param>
    /// <param name="keys">The keys to check signatures with; none: the signatures are left unchecked.</param>
    public static ConsistencyVerdict Judge(SignedNote oldNote, Checkpoint old, SignedNote newNote, Checkpoint @new, ConsistencyProof? proof,
        IReadOnlyList<VerifierKey> keys)
    {
        Precondition.Require(proof is null || (proof.OldSize == old.Size && proof.NewSize == @new.Size), "the proof is of the two checkpoints' sizes");
        Precondition.Require(proof is not null || @new.Size <= old.Size, "a larger new checkpoint comes with a proof");
        var problems = new List<VerifyProblem>();
        var at = old.Size > 0 ? old.Size - 1 : (long?)null;
        var (oldRoot, newRoot) = (Convert.ToBase64String(old.Root), Convert.ToBase64String(@new.Root));
        var oldSigned = Signers(oldNote, "old", keys, problems, at);
        var newSigned = Signers(newNote, "new", keys, problems, at);
        var status = problems.Count > 0 ? CheckpointResult.BadSignature : null;
        if (old.Origin != @new.Origin)
            problems.Add(new VerifyProblem(VerifyProblem.Checkpoint, null, "the two checkpoints are of different logs", Expected: old.Origin, Actual: @new.Origin));
        var evidence = $"old checkpoint: {old.Size} entries, root {oldRoot}; new checkpoint: {@new.Size} entries, root {newRoot}";
        if (@new.Size < old.Size)
        {
            problems.Add(new VerifyProblem(VerifyProblem.Checkpoint, @new.Size,
                $"fork: the new checkpoint has fewer entries than the old one, so entries the old signer saw were removed ({evidence})", Expected: oldRoot, Actual: newRoot));
            status ??= CheckpointResult.Shorter;
        }
        else if (@new.Size == old.Size ? !old.Root.AsSpan().SequenceEqual(@new.Root) : !proof!.Verifies(old.Root, @new.Root))
        {
            var why = @new.Size == old.Size
                ? $"two checkpoints of the same {old.Size} entries with different roots"
                : "the consistency proof does not lead from the old root to the new one";
            problems.Add(new VerifyProblem(VerifyProblem.Checkpoint, at,
                $"fork: {why}: history rewritten within the first {old.Size} entries ({evidence})", Expected: oldRoot, Actual: newRoot));
            status ??= CheckpointResult.Rewritten;
        }
        // As verify --checkpoint does, another origin is a problem of its own and leaves the judgement of the roots as it is.
        status ??= keys.Count == 0 ? CheckpointResult.ConsistentUnsigned : CheckpointResult.Consistent;
        return new ConsistencyVerdict(old, @new, status, oldSigned, newSigned, keys.Count > 0, problems);
    }

    // The given keys that signed the note, as "name (key ID)"; a problem when one does not verify or none signed it.
    private static List<string> Signers(SignedNote note, string which, IReadOnlyList<VerifierKey> keys, List<VerifyProblem> problems, long? at)
    {
        var signedBy = new List<string>();
        if (keys.Count == 0) return signedBy;
        foreach (var signature in note.Signatures)
        {
            if (keys.FirstOrDefault(k => k.Matches(signature)) is not { } key) continue;
            if (note.Verifies(signature, key.PublicKey)) signedBy.Add($"{signature.KeyName} ({key.KeyIdHex})");
            else
            {
                problems.Add(new VerifyProblem(VerifyProblem.Checkpoint, at,
                    $"the signature of {signature.KeyName} ({key.KeyIdHex}) on the {which} checkpoint does not verify: it was forged or altered", Expected: "valid signature", Actual: "invalid"));
                return signedBy;
            }
        }
        if (signedBy.Count == 0)
            problems.Add(new VerifyProblem(VerifyProblem.Checkpoint, at, $"none of the given keys signed the {which} checkpoint",
                Expected: string.Join(", ", keys.Select(k => $"{k.Name ?? "?"} ({k.KeyIdHex})")),
                Actual: note.Signatures.Count == 0 ? "unsigned" : string.Join(", ", note.Signatures.Select(s => $"{s.KeyName} ({s.KeyId:x8})"))));
        return signedBy;
    }
}
