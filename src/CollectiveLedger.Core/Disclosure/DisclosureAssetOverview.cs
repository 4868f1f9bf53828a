using System.Collections.Immutable;
using CollectiveLedger.Core.Money;
using CollectiveLedger.Core.Reporting;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>One line of the asset overview: a first-level account's balance, with its sub-accounts' balances as parts.</summary>
/// <param name="Code">The account code, or <see cref="DisclosureAssetOverview.RegisterCode"/> for the register's total.</param>
/// <param name="Name">The account's name (de-identified); empty on the register's line, which the notice names in its own words.</param>
/// <param name="Parts">The sub-accounts (leaves) with a balance, in code order; empty for an account without sub-accounts.</param>
public sealed record AssetOverviewLine(string Code, string Name, Amount Amount, ImmutableArray<CategoryAmount> Parts);

/// <summary>
/// 资产概况: the collective's assets from the books at the end of the period (财务公开规定 ④ 各项资产),
/// beside the asset register: cash and bank, investments, inventory, consumable biological assets,
/// 在建工程 with its projects (mostly grant money until the asset is formed), intangible assets net
/// of amortization, long-term prepaid expenses, and the register's net value (fixed assets and the
/// registered herds). Receivables are shown under 债权债务. Lines with a zero balance are left out.
/// </summary>
public sealed record DisclosureAssetOverview(ImmutableArray<AssetOverviewLine> Lines)
{
    public static readonly DisclosureAssetOverview Empty = new([]);

    /// <summary>The code of the line that carries the register's net value at the end of the period.</summary>
    public const string RegisterCode = "register";

    /// <summary>The asset accounts read from the books, in the order of the balance sheet; 162 累计摊销 is netted into 161.</summary>
    public static readonly IReadOnlyList<string> Roots = ["101", "102", "111", "121", "131", "141", "153", "161", "171"];

    public Amount Total => Lines.Aggregate(Amount.Zero, (sum, l) => sum + l.Amount);

    /// <param name="tb">A trial balance whose last month is the notice's last month (its closing columns are read).</param>
    /// <param name="register">The register section of the same notice.</param>
    public static DisclosureAssetOverview Compute(TrialBalance tb, DisclosureAssets register)
    {
        static Amount Balance(TrialBalanceRow? r) => r is null ? Amount.Zero : r.ClosingDebit - r.ClosingCredit;
        var byCode = tb.Rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var lines = ImmutableArray.CreateBuilder<AssetOverviewLine>();
        foreach (var root in Roots)
        {
            var row = byCode.GetValueOrDefault(root);
            var amount = Balance(row);
            if (root == "161") amount += Balance(byCode.GetValueOrDefault("162"));
            // Fattening stock the register holds (on 131) is in the register's line: only the rest of 131 is counted here.
            var registered = root == "131"
                ? register.Rows.Where(a => a.Category == "fattening_stock").Aggregate(Amount.Zero, (sum, a) => sum + a.NetAtEnd)
                : Amount.Zero;
            amount -= registered;
            if (amount.IsZero || row is null) continue;
            var parts = registered.IsZero
                ? tb.Rows.Where(r => r.Leaf && r.Level > 1 && r.Code.StartsWith(root, StringComparison.Ordinal) && !Balance(r).IsZero)
                    .Select(r => new CategoryAmount(r.Code, PersonalData.Mask(r.Name), Balance(r))).ToImmutableArray()
                : [];
            lines.Add(new AssetOverviewLine(root, PersonalData.Mask(row.Name), amount, parts));
        }
        if (!register.Total.NetAtEnd.IsZero)
            lines.Add(new AssetOverviewLine(RegisterCode, "", register.Total.NetAtEnd, []));
        return new DisclosureAssetOverview(lines.ToImmutable());
    }
}
