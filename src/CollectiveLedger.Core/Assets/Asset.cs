using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Assets;

/// <summary>
/// An asset as registered (资产登记): what it is, where, when it was acquired and for how much,
/// which fund paid for it, how it is depreciated and on which accounts. Immutable: what happens to
/// it later (depreciation, disposal, head counts) is kept by <see cref="AssetStatus"/>.
/// </summary>
/// <param name="Account">The leaf account its cost is on, below <see cref="AssetCategories.CostAccount"/>.</param>
/// <param name="DepreciationAccount">The leaf account of its accumulated depreciation (below 152 or 133); null when not depreciated.</param>
/// <param name="ExpenseAccount">Where its monthly depreciation is charged (a 5xx expense or 401 cost leaf); null when not depreciated.</param>
/// <param name="LifeMonths">Useful life in months; 0 when not depreciated.</param>
/// <param name="OpeningDepreciation">Depreciation already accumulated when it was taken into the register (books taken over).</param>
/// <param name="OpeningMonths">Months already depreciated by then.</param>
/// <param name="Species">sheep, cattle, camels, horses or goats for livestock; null otherwise.</param>
/// <param name="Head">The head count when registered (livestock).</param>
/// <param name="Nominal">Carried at the nominal amount of 1.00 (名义金额): received for nothing and of no reliably
/// measurable value; never depreciated (life 0, no depreciation or expense account).</param>
public sealed record Asset(
    string Code, string Name, AssetCategory Category, string? Location, DateOnly Acquired, Amount Cost, string? Fund,
    int LifeMonths, Amount Residual, string Account, string? DepreciationAccount, string? ExpenseAccount,
    string? Species, int Head, Amount OpeningDepreciation, int OpeningMonths, bool Nominal = false)
{
    /// <summary>What depreciation may take in all: cost less residual value.</summary>
    public Amount Depreciable => Cost - Residual;

    /// <summary>The straight-line monthly amount, rounded down to the fen; the last month takes what is left.</summary>
    public Amount Monthly => LifeMonths == 0 ? Amount.Zero : new Amount(Depreciable.Fen / LifeMonths);
}

/// <summary>An asset with what has happened to it: depreciation so far, months depreciated, head count, disposal.</summary>
/// <remarks>
/// <see cref="Asset"/> carries the cost as it stands: rearing (asset.reared), maturity (herd.matured)
/// and deaths written off (herd.changed) move a herd's cost after registration, and
/// <see cref="CostMoved"/> says so; its depreciation then spreads what is left over the months left
/// (<see cref="AssetRules.MonthlyAmount"/>).
/// </remarks>
public sealed record AssetStatus(Asset Asset, Amount Depreciated, int Months, int Head, DateOnly? Disposed, Periods.Period? LastDepreciated)
{
    /// <summary>Its cost or accumulated depreciation moved after registration (rearing, maturity, deaths written off).</summary>
    public bool CostMoved { get; init; }

    /// <summary>Moves its cost and accumulated depreciation by the amounts given (signed).</summary>
    public AssetStatus Moved(Amount cost, Amount depreciated, int head) =>
        this with { Asset = Asset with { Cost = Asset.Cost + cost }, Depreciated = Depreciated + depreciated, Head = checked(Head + head), CostMoved = true };

    public Amount BookValue => Asset.Cost - Depreciated;
    public bool Active => Disposed is null;
}
