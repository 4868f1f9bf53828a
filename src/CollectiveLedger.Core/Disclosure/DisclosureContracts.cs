using System.Collections.Immutable;
using CollectiveLedger.Core.Contracts;
using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// One resource contract on the notice (资源发包): who holds what resource, how large, for which term
/// and yearly rent; what was received within the period and to its end; what is overdue on its last day.
/// </summary>
/// <param name="Party">The member's or counterparty's name (de-identified).</param>
/// <param name="Resource">grassland, farmland, water_surface or building (<see cref="ContractRules.Resources"/>).</param>
/// <param name="AreaHundredthMu">The area in hundredths of a mu.</param>
/// <param name="Overdue">As <see cref="ContractRules.Due"/> computes it as of the period's last day.</param>
public sealed record DisclosureContract(string Number, string Party, string Resource, long AreaHundredthMu, Amount Rent, DateOnly From, DateOnly To,
    Amount ReceivedInPeriod, Amount ReceivedToDate, Amount Overdue);

/// <summary>The contracts of the notice and their column totals.</summary>
public sealed record DisclosureContracts(ImmutableArray<DisclosureContract> Rows, DisclosureContractTotal Total)
{
    /// <summary>
    /// Every contract that runs during the period, received rent in it, or is overdue at its end, in
    /// number order. Receipts count by their dates, so a notice for an earlier period shows that period.
    /// </summary>
    public static DisclosureContracts Compute(LedgerState state, DisclosurePeriod period)
    {
        var (first, last) = (period.From.FirstDay, period.To.LastDay);
        var rows = ContractRules.Due(state, last).Select(due =>
        {
            var c = due.Contract;
            var inPeriod = state.Contract(c.Number)!.Receipts.Where(r => r.Date >= first && r.Date <= last).Aggregate(Amount.Zero, (sum, r) => sum + r.Amount);
            var party = state.DimensionName(DimensionKind.Member, c.Party) ?? state.DimensionName(DimensionKind.Counterparty, c.Party) ?? c.Party;
            return new DisclosureContract(c.Number, PersonalData.Mask(party), c.Resource, c.AreaHundredthMu, c.Rent, c.From, c.To,
                inPeriod, due.Received, due.Overdue);
        }).Where(r => (r.From <= last && r.To >= first) || !r.ReceivedInPeriod.IsZero || !r.Overdue.IsZero).ToImmutableArray();
        Amount Sum(Func<DisclosureContract, Amount> column) => rows.Aggregate(Amount.Zero, (sum, r) => sum + column(r));
        return new DisclosureContracts(rows, new DisclosureContractTotal(rows.Sum(r => r.AreaHundredthMu), Sum(r => r.Rent),
            Sum(r => r.ReceivedInPeriod), Sum(r => r.ReceivedToDate), Sum(r => r.Overdue)));
    }
}

/// <summary>The totals of the contract columns.</summary>
public sealed record DisclosureContractTotal(long AreaHundredthMu, Amount Rent, Amount ReceivedInPeriod, Amount ReceivedToDate, Amount Overdue);
