namespace CollectiveLedger.Core.Audit;

/// <summary>
/// What <see cref="CheckpointConsistency.Judge"/> found about two checkpoints of one log: the
/// status of the old against the new (a <see cref="CheckpointResult"/> status), the keys whose
/// signatures verified on each, whether signatures were checked at all (keys were given), and the
/// problems (kind <see cref="VerifyProblem.Checkpoint"/>, all integrity), empty when the new
/// checkpoint extends the old.
/// </summary>
public sealed record ConsistencyVerdict(Checkpoint Old, Checkpoint New, string Status, IReadOnlyList<string> OldSignedBy,
    IReadOnlyList<string> NewSignedBy, bool SignaturesChecked, IReadOnlyList<VerifyProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
}
