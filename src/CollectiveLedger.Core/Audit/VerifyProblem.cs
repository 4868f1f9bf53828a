namespace CollectiveLedger.Core.Audit;

/// <summary>One thing verify found wrong; the fields are those of the normative verify JSON.</summary>
public sealed record VerifyProblem(string Kind, long? Seq, string Message, string? Table = null, string? Key = null,
    string? Column = null, string? Expected = null, string? Actual = null)
{
    public const string Chain = "chain";
    public const string Canonical = "canonical";
    public const string Replay = "replay";
    public const string Anchor = "anchor";
    public const string Checkpoint = "checkpoint";

    /// <summary>The asset register and the balances of its accounts differ (as the log has them): reconciliation.</summary>
    public const string Register = "register";

    /// <summary>Integrity or reconciliation (<see cref="VerifyCategory"/>), decided by the kind alone.</summary>
    public string Category => VerifyCategory.Of(Kind);
}

/// <summary>
/// The outcome of verify: the log's size, head and RFC 6962 root, and the problems found, integrity
/// problems first (<see cref="VerifyCategory"/>). <see cref="IntegrityFound"/> and
/// <see cref="ReconciliationFound"/> count every problem found, also those left out of a truncated list.
/// </summary>
public sealed record VerifyReport(long Entries, long? HeadSeq, string? HeadHash, byte[] Root, IReadOnlyList<VerifyProblem> Problems, bool Truncated,
    IReadOnlyList<CheckpointResult> Checkpoints, int IntegrityFound, int ReconciliationFound)
{
    /// <summary>"ok", or the gravest category of problem found: "integrity" before "reconciliation".</summary>
    public const string StatusOk = "ok";

    public bool Ok => IntegrityFound == 0 && ReconciliationFound == 0;

    public string Status => IntegrityFound > 0 ? VerifyCategory.Integrity : ReconciliationFound > 0 ? VerifyCategory.Reconciliation : StatusOk;

    public IEnumerable<VerifyProblem> Integrity => Problems.Where(p => p.Category == VerifyCategory.Integrity);

    public IEnumerable<VerifyProblem> Reconciliation => Problems.Where(p => p.Category == VerifyCategory.Reconciliation);
}

/// <summary>A hash that entry <see cref="Seq"/> must have, kept outside the database (a notice, an auditor's file).</summary>
public sealed record Anchor(long Seq, string Hash)
{
    public static bool TryParse(string text, out Anchor anchor)
    {
        anchor = new Anchor(0, "");
        var colon = text.IndexOf(':');
        if (colon <= 0 || !long.TryParse(text.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq))
            return false;
        var hash = text[(colon + 1)..].Trim().ToLowerInvariant();
        if (!Sha256Hex.IsValid(hash)) return false;
        anchor = new Anchor(seq, hash);
        return true;
    }
}

/// <summary>What a checkpoint said about the books: "consistent", "history rewritten within the first N entries" or "log shorter than the checkpoint".</summary>
/// <remarks>
/// <see cref="CosignedBy"/>: the witnesses (verify --witness-key) whose cosignature/v1 on the checkpoint
/// verified, as "name (key ID)"; null when no witness key was given.
/// </remarks>
public sealed record CheckpointResult(long Size, string Root, string Status, IReadOnlyList<string> SignedBy, IReadOnlyList<string>? CosignedBy = null)
{
    public const string Consistent = "consistent";

    /// <summary>An unsigned checkpoint whose size and root the log matches: consistent with the paper, not proof of who issued it.</summary>
    public const string ConsistentUnsigned = "consistent-unsigned";
    public const string Rewritten = "rewritten";
    public const string Shorter = "shorter";
    public const string BadSignature = "bad-signature";
}
