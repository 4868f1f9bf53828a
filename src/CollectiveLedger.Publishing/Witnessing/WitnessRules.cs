using CollectiveLedger.Core.Audit;

namespace CollectiveLedger.Publishing.Witnessing;

/// <summary>
/// When a witness cosigns (C2SP tlog-witness add-checkpoint): the village's signature verifies with a
/// key it trusts for the origin; the old size is the size it last cosigned; the consistency proof
/// leads from the tree it last cosigned to the new one. A signed checkpoint that contradicts what it
/// cosigned (a fork: same size, another root; a rollback: a smaller tree; or no valid proof) is
/// refused and named as evidence to keep. It never cosigns two roots of one size.
/// </summary>
public static class WitnessRules
{
    /// <param name="logs">The logs the witness knows, by origin.</param>
    public static WitnessDecision Decide(IReadOnlyDictionary<string, WitnessedLog> logs, AddCheckpointRequest request, WitnessSigner signer, long timestamp)
    {
        if (!Checkpoint.TryParseBody(request.Note.Text, out var checkpoint, out var problem))
            return new(WitnessOutcome.BadRequest, $"不是检查点 not a checkpoint: {problem}");
        if (!logs.TryGetValue(checkpoint.Origin, out var log))
            return new(WitnessOutcome.UnknownLog, $"本见证人不见证此账簿 this witness does not witness {checkpoint.Origin}");
        var signed = request.Note.Signatures.Any(s => log.Keys.Any(k => k.Name == s.KeyName && k.KeyId == s.KeyId && request.Note.Verifies(s, k.PublicKey)));
        if (!signed)
            return new(WitnessOutcome.BadSignature, $"检查点没有 {checkpoint.Origin} 登记密钥的有效签名 no signature of a key registered for {checkpoint.Origin} verifies");
        if (checkpoint.Size < log.Size)
            return new(request.OldSize > checkpoint.Size ? WitnessOutcome.BadRequest : WitnessOutcome.Conflict,
                $"回退：检查点 {checkpoint.Size} 条小于已副署的 {log.Size} 条 rollback: a tree of {checkpoint.Size} after one of {log.Size} was cosigned", Evidence: "rollback");
        if (checkpoint.Size == log.Size && log.Size > 0 && !checkpoint.Root.AsSpan().SequenceEqual(log.Root))
            return new(WitnessOutcome.Conflict,
                $"分叉：同为 {log.Size} 条，根哈希不同 fork: another root for the {log.Size} entries already cosigned", Evidence: "fork");
        if (request.OldSize > checkpoint.Size)
            return new(WitnessOutcome.BadRequest, "old 大于检查点的条数 the old size is larger than the checkpoint's");
        if (request.OldSize != log.Size)
            return new(WitnessOutcome.Conflict, $"本见证人上次副署的是 {log.Size} 条 this witness last cosigned a tree of {log.Size}");
        if (!MerkleProof.VerifyConsistency(log.Size, checkpoint.Size, log.Root, checkpoint.Root, request.Proof))
            return new(WitnessOutcome.InvalidProof,
                $"一致性证明不成立：{checkpoint.Size} 条的树不以已副署的 {log.Size} 条为前缀 the consistency proof fails: the tree of {checkpoint.Size} does not extend the {log.Size} cosigned",
                Evidence: log.Size > 0 ? "inconsistent" : null);
        var cosignature = signer.Cosign(request.Note.Text, timestamp);
        return new(WitnessOutcome.Cosigned, $"已副署 {checkpoint.Origin} {checkpoint.Size} cosigned",
            Updated: log with { Size = checkpoint.Size, Root = checkpoint.Root, Note = request.Note.Format() }, Cosignature: cosignature);
    }
}
