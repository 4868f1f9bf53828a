using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Ledger;

/// <summary>
/// A change of ledger state. Each one becomes exactly one audit entry; its <see cref="Kind"/> is the
/// entry's <c>kind</c> (schemas/audit-log.md lists them all with their data).
/// </summary>
public abstract record LedgerEvent
{
    public abstract string Kind { get; }
}

/// <summary>Entry 0: names the ledger.</summary>
public sealed record LedgerCreated(string LedgerId, string Org, string OrgCode, string Currency, string Chart, Period StartPeriod, int FormatVersion)
    : LedgerEvent
{
    public const int CurrentFormatVersion = 1;
    public override string Kind => "ledger.created";
}

/// <summary>A user sub-account (明细科目) below an existing account.</summary>
public sealed record AccountAdded(string Code, string Name, string Parent) : LedgerEvent
{
    public override string Kind => "account.added";
}

/// <summary>A fund, member or counterparty registered so that voucher lines may name it.</summary>
public sealed record DimensionAdded(DimensionKind Dimension, string Code, string Name) : LedgerEvent
{
    public override string Kind => Dimension.ToText() + ".added";
}

public sealed record VoucherPosted(Voucher Voucher) : LedgerEvent
{
    public override string Kind => "voucher.posted";
}

public sealed record PeriodClosed(Period Period) : LedgerEvent
{
    public override string Kind => "period.closed";
}
