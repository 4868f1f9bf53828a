using CollectiveLedger.Core.Approval;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Periods;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Core.Transactions;

/// <summary>A month's close and the year's close, each all or nothing in one session.</summary>
public static class Closing
{
    /// <summary>
    /// <c>period close</c>: with <paramref name="carryForward"/>, the month's drafts still in approval
    /// move to the next month first (<see cref="ApprovalRules.CarryForward"/>); then the month closes
    /// by its rules (<see cref="YearRules.CloseMonth"/>: December only with its year).
    /// </summary>
    public static Outcome<MonthClose> CloseMonth(ILedgerSession session, string period, bool carryForward)
    {
        var carried = 0;
        if (carryForward && Period.TryParse(period, out var month))
            foreach (var carry in ApprovalRules.CarryForward(month, session.State, session.Actor))
            {
                session.Append(carry);
                carried++;
            }
        var close = YearRules.CloseMonth(period, session.State, session.Today);
        return session.Take(close)
            ? Outcome<MonthClose>.Done(new MonthClose((PeriodClosed)close.Event!, carried))
            : new Outcome<MonthClose>(null, close.Violations);
    }

    /// <summary>
    /// <c>year close</c>: December's drafts carried to 1 January when asked, the closing vouchers
    /// (<see cref="YearRules.Close"/>), December closed through the month close itself with whatever
    /// checks a month close has, and <c>year.closed</c> recorded. Returns the closing vouchers.
    /// </summary>
    public static Outcome<IReadOnlyList<VoucherKey>> CloseYear(ILedgerSession session, string year, bool carryForward)
    {
        if (carryForward && YearRules.TryParseYear(year, out var y))
            foreach (var carry in ApprovalRules.CarryForward(new Period(y, 12), session.State, session.Actor))
                session.Append(carry);
        var decision = YearRules.Close(year, session.State, session.Today);
        if (!decision.Accepted) return session.Refuse<IReadOnlyList<VoucherKey>>(decision.Violations);
        foreach (var posted in decision.Events) session.Append(posted);
        var december = PeriodRules.Close($"{decision.Year:D4}-12", session.State, session.Today);
        if (!session.Take(december)) return new(null, december.Violations);
        var recorded = YearRules.Record(decision.Year, session.State);
        if (!session.Take(recorded)) return new(null, recorded.Violations);
        return Outcome<IReadOnlyList<VoucherKey>>.Done([.. decision.Vouchers.Select(v => v.Key)]);
    }
}

/// <summary>A closed month: its event (with the closing balances' hash) and how many drafts moved on.</summary>
public sealed record MonthClose(PeriodClosed Closed, int DraftsCarried);
