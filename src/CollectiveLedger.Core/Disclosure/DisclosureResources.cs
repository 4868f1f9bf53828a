using System.Collections.Immutable;
using CollectiveLedger.Core.Contracts;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>One type of resource under contract at the end of the period: its area in its own unit, how many contracts, with whom.</summary>
/// <param name="Resource">grassland, farmland, water_surface or building (<see cref="ContractRules.Resources"/>).</param>
/// <param name="AreaHundredths">The contracted area in hundredths of <paramref name="Unit"/>.</param>
/// <param name="Parties">The parties' names (de-identified), each once, in contract number order.</param>
public sealed record DisclosureResource(string Resource, string Unit, long AreaHundredths, int Contracts, ImmutableArray<string> Parties);

/// <summary>
/// 资源台账 (财务公开规定 ⑤ 各类资源): per type of resource, the area let under contracts in force on
/// the period's last day and to whom. The contract register is all the ledger knows of resources, so
/// this lists contracted resources only; land not let (vacant, or used by the collective itself) is
/// not in it, and the notice says so. Areas are never added across types.
/// </summary>
public sealed record DisclosureResources(ImmutableArray<DisclosureResource> Rows)
{
    public static readonly DisclosureResources Empty = new([]);

    /// <param name="contracts">The contract section of the same notice (parties masked already).</param>
    public static DisclosureResources Compute(DisclosureContracts contracts, DisclosurePeriod period)
    {
        var last = period.To.LastDay;
        var inForce = contracts.Rows.Where(c => c.From <= last && c.To >= last).ToList();
        return new([.. ContractRules.Resources.Select(resource => inForce.Where(c => c.Resource == resource).ToList()).Where(cs => cs.Count > 0)
            .Select(cs => new DisclosureResource(cs[0].Resource, cs[0].Unit, cs.Sum(c => c.AreaHundredths), cs.Count,
                [.. cs.Select(c => c.Party).Distinct(StringComparer.Ordinal)]))]);
    }
}
