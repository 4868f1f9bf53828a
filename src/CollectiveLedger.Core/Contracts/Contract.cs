using System.Collections.Immutable;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Contracts;

/// <summary>
/// A resource contract (资源发包合同): collective grassland, farmland, water surface or a building
/// let to a member or a counterparty for a term, at a rent per contract year. Contract year k runs
/// from <see cref="From"/> + k years; its rent belongs to the calendar year it starts in.
/// </summary>
/// <param name="AreaHundredthMu">
/// The area in hundredths of the resource's unit (<see cref="AreaUnit.Of"/>): 亩 for land and water, 平方米 for a
/// building; parsed and printed like an amount. The name (and the column area_hundredth_mu) predates buildings.
/// </param>
/// <param name="IncomeAccount">Where a contract year's rent is recognized (a leaf below 501).</param>
/// <param name="PrepaidAccount">Where rent received before its year waits (a leaf below 211).</param>
public sealed record Contract(
    string Number, string Party, string Resource, long AreaHundredthMu, Amount Rent, DateOnly From, DateOnly To, string Schedule,
    string IncomeAccount, string PrepaidAccount)
{
    /// <summary>Contract years: the first starts on From, the last is the one that contains To.</summary>
    public int Years
    {
        get
        {
            var n = 1;
            while (From.AddYears(n) <= To) n++;
            return n;
        }
    }

    public Amount TotalRent => new(checked(Rent.Fen * Years));

    /// <summary>Each contract year's rent with the calendar year it belongs to and the day it falls due.</summary>
    public IEnumerable<ContractInstalment> Instalments() => Enumerable.Range(0, Years).Select(k =>
        new ContractInstalment(From.AddYears(k).Year, Schedule == ContractRules.Once ? From : From.AddYears(k), Rent));
}

public sealed record ContractInstalment(int Year, DateOnly Due, Amount Rent);

/// <summary>A receipt against a contract: how much went to income at once and how much, per later year, was prepaid.</summary>
public sealed record ContractReceipt(DateOnly Date, Amount Amount, string Account, Amount Income, ImmutableSortedDictionary<int, Amount> Prepaid);

/// <summary>A contract with its receipts and the years whose prepaid rent was recognized.</summary>
public sealed record ContractStatus(Contract Contract, ImmutableList<ContractReceipt> Receipts)
{
    public Amount Received => Receipts.Aggregate(Amount.Zero, (sum, r) => sum + r.Amount);
}
