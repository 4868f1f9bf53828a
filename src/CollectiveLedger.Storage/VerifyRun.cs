namespace CollectiveLedger.Storage;

/// <summary>One verify run started from the workspace (outside the books, like credentials).</summary>
public sealed record VerifyRun(string RunAt, string By, bool Ok, long Entries, string? HeadHash, long Problems);
