using System.Collections.Immutable;
using CollectiveLedger.Core.Contracts;
using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Core.Reporting;

/// <summary>A month of the year as the township sees it: closed or not, and how its notice stands (<see cref="NoticeDeadlines"/>).</summary>
public sealed record VillageMonth(Period Month, bool Closed, MonthDisclosure Disclosure);

/// <summary>A published notice and whether it was on time (<see cref="NoticeDeadlines.OnTime"/>).</summary>
public sealed record VillageNotice(DisclosurePeriod Period, DateOnly Date, bool OnTime);

/// <summary>A month's income and expenditure (the year-end closing vouchers left out, as on the notice).</summary>
public sealed record MonthFlow(Period Month, Amount Income, Amount Expenditure);

/// <summary>
/// One village's books as the township and county views show them, as of a day: the months of that
/// day's year (from the books' start) closed or open and their notices on time or late, the last
/// notice, the drafts waiting in approval, the support funds' usage against their grants and the
/// contracts with rent overdue. Every figure comes from a Core rule or report over the books
/// (<see cref="LedgerState"/>, <see cref="FundReport"/>, <see cref="ContractRules.Due"/>); nothing
/// is computed a second way here.
/// </summary>
public sealed record VillageStatus(
    string Org, DateOnly AsOf, ImmutableArray<VillageMonth> Months, VillageNotice? LastNotice, int PendingApprovals,
    FundReport Funds, ImmutableArray<ContractDue> OverdueContracts, ImmutableArray<MonthFlow> Flows)
{
    /// <summary>Months of the year that have ended.</summary>
    public IEnumerable<VillageMonth> EndedMonths => Months.Where(m => m.Month.LastDay < AsOf);

    public int MonthsClosed => Months.Count(m => m.Closed);

    /// <summary>Months that have ended and are not closed.</summary>
    public int MonthsOpen => EndedMonths.Count(m => !m.Closed);

    /// <summary>Months whose notice came late, or has not come and is overdue.</summary>
    public int MonthsLate => Months.Count(m => m.Disclosure is MonthDisclosure.Late or MonthDisclosure.Overdue);

    /// <summary>What the support funds hold: received less spent, to the report's last month.</summary>
    public Amount FundBalance => Funds.Funds.Aggregate(Amount.Zero, (sum, f) => sum + f.Usage.Balance);

    /// <summary>What the grants promised (funds registered with terms).</summary>
    public Amount FundGranted => Funds.Funds.Aggregate(Amount.Zero, (sum, f) => sum + (f.Terms?.Granted ?? Amount.Zero));

    /// <summary>What the funds have spent to date.</summary>
    public Amount FundSpent => Funds.Funds.Aggregate(Amount.Zero, (sum, f) => sum + f.Usage.SpentToDate);

    public Amount OverdueRent => OverdueContracts.Aggregate(Amount.Zero, (sum, c) => sum + c.Overdue);

    /// <summary>
    /// The status from the state of the books, their fund usage report of the year to date, their published
    /// notices and their monthly income and expenditure.
    /// </summary>
    public static VillageStatus Of(LedgerState state, FundReport funds, IReadOnlyList<NoticeDate> notices, IEnumerable<MonthFlow> flows, DateOnly today)
    {
        var dueDays = NoticeDeadlines.DueDays(state.Settings);
        var months = YearToDate(state, today)
            .Select(m => new VillageMonth(m, state.IsClosed(m), NoticeDeadlines.Month(m, notices, dueDays, today)))
            .ToImmutableArray();
        var last = notices.OrderBy(n => n.Date).ThenBy(n => n.Period.To).LastOrDefault() is { } n
            ? new VillageNotice(n.Period, n.Date, NoticeDeadlines.OnTime(n.Period, n.Date, dueDays)) : null;
        var overdue = ContractRules.Due(state, today).Where(d => !d.Overdue.IsZero).OrderBy(d => d.Contract.Number, StringComparer.Ordinal).ToImmutableArray();
        return new VillageStatus(state.Ledger.Org, today, months, last, state.OpenDrafts.Count(), funds, overdue, [.. flows.OrderBy(f => f.Month)]);
    }

    /// <summary>The months of <paramref name="today"/>'s year up to its month, from the books' first month.</summary>
    public static IEnumerable<Period> YearToDate(LedgerState state, DateOnly today)
    {
        var first = new Period(today.Year, 1);
        if (state.Ledger.StartPeriod > first) first = state.Ledger.StartPeriod;
        for (var m = first; m <= Period.Of(today); m = m.Next) yield return m;
    }
}
