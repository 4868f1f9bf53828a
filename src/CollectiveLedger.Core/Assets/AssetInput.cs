using CollectiveLedger.Core.Periods;

namespace CollectiveLedger.Core.Assets;

/// <summary>An asset to register as the command line states it, every field still text (keys as in the log).</summary>
public sealed record AssetInput(
    string Code, string Name, string? Category, string? Location, string? Acquired, string? Cost, string? Fund,
    string? LifeMonths, string? Residual, string? Account, string? DepreciationAccount, string? ExpenseAccount,
    string? Species, string? Head, string? OpeningDepreciation, string? OpeningMonths, string? PaidFrom, string? Attachments = null, bool Nominal = false)
{
    /// <summary>The registered asset as input again, to decide on it anew (replay).</summary>
    public static AssetInput From(AssetAdded added)
    {
        var a = added.Asset;
        string I(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new AssetInput(a.Code, a.Name, a.Category.ToText(), a.Location, IsoDate.Format(a.Acquired), a.Cost.ToString(), a.Fund,
            a.Category.Depreciates() && !a.Nominal ? I(a.LifeMonths) : null, a.Residual.ToString(), a.Account, a.DepreciationAccount, a.ExpenseAccount,
            a.Species, a.Category.IsHerd() ? I(a.Head) : null, a.OpeningDepreciation.ToString(), I(a.OpeningMonths), added.PaidFrom,
            added.Attachments is { } n ? I(n) : null, a.Nominal);
    }
}
