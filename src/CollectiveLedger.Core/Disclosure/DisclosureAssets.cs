using System.Collections.Immutable;
using CollectiveLedger.Core.Assets;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// One asset of the register on the notice (资产情况): its net value at the start of the period, what
/// came in, was depreciated and went out within it, and its cost, accumulated depreciation and net
/// value at the end. NetAtStart + Increase - Depreciation - Decrease = NetAtEnd.
/// </summary>
/// <param name="Increase">Acquired or transferred in within the period: its cost less any depreciation it was registered with; else zero.
/// A herd's rearing cost and young stock matured into it within the period add to it.</param>
/// <param name="Depreciation">Depreciated in the months of the period.</param>
/// <param name="Decrease">Disposed of within the period: its net value when it left; else zero. A herd's young stock matured out of it
/// (their cost) and its deaths written off (their net value) within the period add to it.</param>
/// <param name="CostAtEnd">Zero once disposed of, as in the books.</param>
/// <param name="Disposed">The day it was disposed of, within the period; else null.</param>
public sealed record DisclosureAsset(string Code, string Name, string Category, string? Location, DateOnly Acquired,
    Amount NetAtStart, Amount Increase, Amount Depreciation, Amount Decrease, Amount CostAtEnd, Amount DepreciatedAtEnd, DateOnly? Disposed)
{
    public Amount NetAtEnd => CostAtEnd - DepreciatedAtEnd;
}

/// <summary>The assets of the notice and their column totals.</summary>
public sealed record DisclosureAssets(ImmutableArray<DisclosureAsset> Rows, DisclosureAssetTotal Total)
{
    /// <summary>
    /// Every asset the collective held at some time in the period (acquired by its last day, not
    /// disposed of before its first), in code order, from the register as of the day before the
    /// period and as of its last day: a notice for June printed in December shows June.
    /// </summary>
    public static DisclosureAssets Compute(AssetHistory history, DisclosurePeriod period)
    {
        var (first, last) = (period.From.FirstDay, period.To.LastDay);
        var atStart = history.AsOf(first.AddDays(-1)).ToDictionary(s => s.Asset.Code, StringComparer.Ordinal);
        var rows = history.AsOf(last).Where(s => s.Disposed is null || s.Disposed >= first).Select(end =>
        {
            var a = end.Asset;
            var start = atStart.GetValueOrDefault(a.Code);
            var disposed = end.Disposed is not null;
            var (costIn, costOut, depreciationOut) = end.CostMoved ? history.CostMoves(a.Code, first, last) : (Amount.Zero, Amount.Zero, Amount.Zero);
            var row = new DisclosureAsset(a.Code, PersonalData.Mask(a.Name), a.Category.ToText(), a.Location is null ? null : PersonalData.Mask(a.Location), a.Acquired,
                start?.BookValue ?? Amount.Zero,
                (start is null ? a.Cost - costIn + costOut - a.OpeningDepreciation : Amount.Zero) + costIn,
                end.Depreciated - (start?.Depreciated ?? a.OpeningDepreciation) + depreciationOut,
                (disposed ? end.BookValue : Amount.Zero) + costOut - depreciationOut,
                disposed ? Amount.Zero : a.Cost, disposed ? Amount.Zero : end.Depreciated, end.Disposed);
            Precondition.Require(row.NetAtStart + row.Increase - row.Depreciation - row.Decrease == row.NetAtEnd, "an asset's net value rolls forward");
            return row;
        }).ToImmutableArray();
        Amount Sum(Func<DisclosureAsset, Amount> column) => rows.Aggregate(Amount.Zero, (sum, r) => sum + column(r));
        return new DisclosureAssets(rows, new DisclosureAssetTotal(Sum(r => r.NetAtStart), Sum(r => r.Increase), Sum(r => r.Depreciation),
            Sum(r => r.Decrease), Sum(r => r.CostAtEnd), Sum(r => r.DepreciatedAtEnd)));
    }
}

/// <summary>The totals of the asset columns.</summary>
public sealed record DisclosureAssetTotal(Amount NetAtStart, Amount Increase, Amount Depreciation, Amount Decrease, Amount CostAtEnd, Amount DepreciatedAtEnd)
{
    public Amount NetAtEnd => CostAtEnd - DepreciatedAtEnd;
}
