namespace CollectiveLedger.Storage;

/// <summary>One audit entry as a person's step in a voucher's history: when, who, what.</summary>
public sealed record TrailEntry(long Seq, string Time, string Actor, string Kind, string Data);
