namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// An entry of a register kept beside the books: the asset register (audit-log.md 7.14) or the
/// contract register (7.16). Verify decides it again with its rule and, when the rule posts a voucher
/// with it, requires that voucher as the very next entry, posted from the register
/// (<see cref="VoucherSource"/>); a voucher with that source anywhere else is a forgery.
/// </summary>
public interface IRegisterEntry
{
    /// <summary>The <see cref="VoucherOrigin"/> source of the register's vouchers: which register the entry is of.</summary>
    string VoucherSource { get; }

    /// <summary>The register's rule decided again for this entry, against the state before it with the entry's day as today.</summary>
    Decision Redecide(LedgerState state, DateOnly today);
}
