namespace CollectiveLedger.Storage;

/// <summary>
/// The database cannot be used: missing, not a ledger, newer than this program, or already there
/// when creating. A user error (exit code 2), never a bug; the message says what to do.
/// </summary>
public sealed class LedgerOpenException(string messageZh, string messageEn) : Exception(messageEn)
{
    public string MessageZh { get; } = messageZh;
}
