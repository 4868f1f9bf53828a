using System.Collections.Immutable;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Reporting;

/// <summary>
/// One payment out of a fund in the report's months: the voucher, what the money was charged to
/// (the accounts debited with the fund) and the amount paid out of cash and bank (negative for a
/// red-ink reversal of a payment).
/// </summary>
public sealed record FundSpendingItem(DateOnly Date, VoucherKey Voucher, string Summary, string ChargedTo, Amount Amount, bool Reversal);

/// <summary>A fund in the usage report: its grant, its money (<see cref="FundUsage"/>), and its payments in the months.</summary>
public sealed record FundReportEntry(FundUsage Usage, FundTerms? Terms, Amount ReceivedInPeriod, ImmutableArray<FundSpendingItem> Items)
{
    /// <summary>Granted but not yet received (never negative: more may arrive than the grant first said).</summary>
    public Amount? Outstanding => Terms is { } t && t.Granted > Usage.ReceivedToDate ? t.Granted - Usage.ReceivedToDate : Terms is null ? null : Amount.Zero;
}

/// <summary>专项资金使用情况表: every fund, granted, received, spent in the months and to date, what is left, and each payment.</summary>
public sealed record FundReport(string Org, Period From, Period To, ImmutableArray<FundReportEntry> Funds);
