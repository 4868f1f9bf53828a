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
/// <param name="AreaHundredths">The area in hundredths of <see cref="Unit"/>.</param>
/// <param name="Overdue">As <see cref="ContractRules.Due"/> computes it as of the period's last day.</param>
public sealed record DisclosureContract(string Number, string Party, string Resource, long AreaHundredths, Amount Rent, DateOnly From, DateOnly To,
    Amount ReceivedInPeriod, Amount ReceivedToDate, Amount Overdue)
{
    /// <summary>亩 for land and water, 平方米 for a building (<see cref="AreaUnit.Of"/>).</summary>
    public string Unit => AreaUnit.Of(Resource);
}

/// <summary>An area in hundredths of <paramref name="Unit"/> (<see cref="AreaUnit"/>).</summary>
public sealed record ResourceArea(string Unit, long AreaHundredths);

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
        // Areas add up per unit only: 亩 of grassland and 平方米 of a building are not one quantity.
        var areas = rows.GroupBy(r => r.Unit, StringComparer.Ordinal).OrderBy(g => g.Key == AreaUnit.Mu ? 0 : 1)
            .Select(g => new ResourceArea(g.Key, g.Sum(r => r.AreaHundredths))).ToImmutableArray();
        return new DisclosureContracts(rows, new DisclosureContractTotal(areas, Sum(r => r.Rent),
            Sum(r => r.ReceivedInPeriod), Sum(r => r.ReceivedToDate), Sum(r => r.Overdue)));
    }
}

/// <summary>The totals of the contract columns; the area once per unit present, 亩 first.</summary>
public sealed record DisclosureContractTotal(ImmutableArray<ResourceArea> Areas, Amount Rent, Amount ReceivedInPeriod, Amount ReceivedToDate, Amount Overdue);
