using CollectiveLedger.Core.Ledger;

namespace CollectiveLedger.Core.Transactions;

/// <summary>
/// What a business transaction needs of the books, inside one write transaction: the ledger as of
/// the last append, today's date in the ledger's time zone, who acts, the voucher a ref already names,
/// appending an event (applied to <see cref="State"/> at once, so the next decision sees it) and
/// abandoning everything at the end. Storage's write session implements it; the command line and the
/// workspace open one and call a transaction of this folder, so both do exactly the same.
/// </summary>
public interface ILedgerSession
{
    LedgerState State { get; }

    DateOnly Today { get; }

    string Actor { get; }

    void Append(LedgerEvent e);

    /// <summary>The voucher posted under <paramref name="reference"/>, including ones appended in this transaction.</summary>
    PostedRef? FindRef(string reference);

    /// <summary>Roll back everything this transaction appended, when it ends.</summary>
    void Abandon();
}
