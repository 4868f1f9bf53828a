using System.Collections.Immutable;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>One person's pay on 212 应付工资 within the period: accrued (credits) and paid out (debits).</summary>
/// <param name="Person">The member's or counterparty's name on the lines (de-identified); "" for lines that name nobody.</param>
public sealed record CadrePay(string Person, Amount Accrued, Amount Paid);

/// <summary>
/// 干部报酬 per person (财务公开规定 ③ 各项支出: 村组干部报酬): the period's lines on 212 应付工资 and its
/// sub-accounts summed per person named on them, people in name order, then one row for lines that name
/// nobody, so that the columns add up to the period's turnover on 212.
/// </summary>
public sealed record DisclosureCadrePay(ImmutableArray<CadrePay> Rows)
{
    public static readonly DisclosureCadrePay Empty = new([]);

    public const string Root = "212";

    public Amount AccruedTotal => Rows.Aggregate(Amount.Zero, (sum, r) => sum + r.Accrued);
    public Amount PaidTotal => Rows.Aggregate(Amount.Zero, (sum, r) => sum + r.Paid);

    /// <param name="lines">The period's lines on 212 and its sub-accounts (other accounts are a bug).</param>
    public static DisclosureCadrePay Compute(IEnumerable<DisclosureLine> lines)
    {
        var rows = lines.Select(l =>
            {
                Precondition.Require(l.AccountCode.StartsWith(Root, StringComparison.Ordinal), "cadre pay reads lines on 212 only");
                return l.Masked();
            })
            .GroupBy(l => l.Party, StringComparer.Ordinal)
            .Select(g => new CadrePay(g.Key, g.Aggregate(Amount.Zero, (sum, l) => sum + l.Credit), g.Aggregate(Amount.Zero, (sum, l) => sum + l.Debit)))
            .Where(r => !r.Accrued.IsZero || !r.Paid.IsZero)
            .OrderBy(r => r.Person.Length == 0).ThenBy(r => r.Person, StringComparer.Ordinal)
            .ToImmutableArray();
        return new DisclosureCadrePay(rows);
    }
}
