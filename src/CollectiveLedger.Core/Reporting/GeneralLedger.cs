using System.Collections.Immutable;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Core.Reporting;

/// <summary>One month of a 总账 page: the month's turnover (本月合计), the year's so far (本年累计) and the balance at its end (net, debit minus credit).</summary>
public sealed record GeneralLedgerMonth(Period Period, Amount Debit, Amount Credit, Amount YearDebit, Amount YearCredit, Amount Balance);

/// <summary>
/// 总账 of one level-1 account for one year: the balance brought from the year before (opening
/// vouchers included, as in the trial balance) and one entry per month with turnover. Closing
/// vouchers count as December's turnover.
/// </summary>
public sealed record GeneralLedger(string Code, string Name, int Year, Amount Opening, ImmutableArray<GeneralLedgerMonth> Months)
{
    /// <param name="turnover">Debit and credit of the account (with its sub-accounts) per month of the year; months without turnover may be left out.</param>
    public static GeneralLedger Compute(string code, string name, int year, Amount opening, IEnumerable<(Period Period, Amount Debit, Amount Credit)> turnover)
    {
        var months = ImmutableArray.CreateBuilder<GeneralLedgerMonth>();
        var balance = opening;
        var yearDebit = Amount.Zero;
        var yearCredit = Amount.Zero;
        foreach (var (period, debit, credit) in turnover.OrderBy(t => t.Period))
        {
            Precondition.Require(period.Year == year, "a general ledger covers one year");
            if (debit.IsZero && credit.IsZero) continue;
            yearDebit += debit;
            yearCredit += credit;
            balance = balance + debit - credit;
            months.Add(new GeneralLedgerMonth(period, debit, credit, yearDebit, yearCredit, balance));
        }
        return new GeneralLedger(code, name, year, opening, months.ToImmutable());
    }

    public Amount Closing => Months.IsEmpty ? Opening : Months[^1].Balance;
}
