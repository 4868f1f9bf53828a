namespace CollectiveLedger.Storage;

/// <summary>One audit entry as stored.</summary>
public sealed record StoredEntry(long Seq, string Hash, byte[] Bytes);
