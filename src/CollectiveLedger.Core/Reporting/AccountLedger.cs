using System.Collections.Immutable;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Reporting;

/// <summary>A posted line as reports list it, with the voucher it belongs to.</summary>
public sealed record PostedLine(VoucherKey Voucher, DateOnly Date, VoucherKind Kind, string VoucherSummary, VoucherLine Line);

/// <summary>One row of the 明细账: a line and the account's running balance after it (net, debit minus credit).</summary>
public sealed record AccountLedgerRow(PostedLine Posting, Amount Balance);

/// <summary>
/// 明细账 of one account (with its sub-accounts) for a range of months: the balance brought forward,
/// every line in date and number order with the running balance, the turnover and the closing balance.
/// </summary>
public sealed record AccountLedger(string Code, string Name, Period From, Period To, Amount Opening,
    ImmutableArray<AccountLedgerRow> Rows, Amount PeriodDebit, Amount PeriodCredit, Amount Closing)
{
    /// <param name="opening">Net balance before <paramref name="from"/>, opening vouchers included.</param>
    /// <param name="postings">Normal-kind lines of the range, in the order to list them.</param>
    public static AccountLedger Compute(string code, string name, Period from, Period to, Amount opening, IEnumerable<PostedLine> postings)
    {
        var rows = ImmutableArray.CreateBuilder<AccountLedgerRow>();
        var balance = opening;
        var debit = Amount.Zero;
        var credit = Amount.Zero;
        foreach (var p in postings)
        {
            balance = balance + p.Line.Debit - p.Line.Credit;
            debit += p.Line.Debit;
            credit += p.Line.Credit;
            rows.Add(new AccountLedgerRow(p, balance));
        }
        return new AccountLedger(code, name, from, to, opening, rows.ToImmutable(), debit, credit, balance);
    }
}
