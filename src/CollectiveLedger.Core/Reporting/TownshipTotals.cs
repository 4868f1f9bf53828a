using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Reporting;

/// <summary>
/// A township's villages added up for the county view: how many, how many with an ended month not
/// closed, with a notice late or overdue, with rent overdue, and the sums of their drafts in approval,
/// fund balances, grants, fund spending and overdue rent. Immutable: <see cref="Add"/> gives the totals
/// with one more village, so that a county's villages are added up as they stream past, never held.
/// </summary>
public sealed record TownshipTotals(
    string County, string Township, int Villages, int Unreadable, int WithOpenMonths, int WithLateNotices, int PendingApprovals,
    Amount FundBalance, Amount FundGranted, Amount FundSpent, int WithOverdueContracts, Amount OverdueRent)
{
    public static TownshipTotals Empty(string county, string township) =>
        new(county, township, 0, 0, 0, 0, 0, Amount.Zero, Amount.Zero, Amount.Zero, 0, Amount.Zero);

    /// <summary>The totals of these villages and <paramref name="more"/> of the same township together.</summary>
    public TownshipTotals Plus(TownshipTotals more) => this with
    {
        Villages = Villages + more.Villages,
        Unreadable = Unreadable + more.Unreadable,
        WithOpenMonths = WithOpenMonths + more.WithOpenMonths,
        WithLateNotices = WithLateNotices + more.WithLateNotices,
        PendingApprovals = PendingApprovals + more.PendingApprovals,
        FundBalance = FundBalance + more.FundBalance,
        FundGranted = FundGranted + more.FundGranted,
        FundSpent = FundSpent + more.FundSpent,
        WithOverdueContracts = WithOverdueContracts + more.WithOverdueContracts,
        OverdueRent = OverdueRent + more.OverdueRent,
    };

    /// <summary>The totals with one more village: its status, or null for books that could not be read (counted as such).</summary>
    public TownshipTotals Add(VillageStatus? village) => village is null
        ? this with { Villages = Villages + 1, Unreadable = Unreadable + 1 }
        : this with
        {
            Villages = Villages + 1,
            WithOpenMonths = WithOpenMonths + (village.MonthsOpen > 0 ? 1 : 0),
            WithLateNotices = WithLateNotices + (village.MonthsLate > 0 ? 1 : 0),
            PendingApprovals = PendingApprovals + village.PendingApprovals,
            FundBalance = FundBalance + village.FundBalance,
            FundGranted = FundGranted + village.FundGranted,
            FundSpent = FundSpent + village.FundSpent,
            WithOverdueContracts = WithOverdueContracts + (village.OverdueContracts.IsEmpty ? 0 : 1),
            OverdueRent = OverdueRent + village.OverdueRent,
        };
}
