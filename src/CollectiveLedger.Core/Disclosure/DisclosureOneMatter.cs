using System.Collections.Immutable;
using CollectiveLedger.Core.Money;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// 一事一议筹资筹劳及使用 (财务公开规定: 专项公开): every line of the period on 231 一事一议资金 and its
/// sub-accounts (村民筹资, 村民筹劳, 社会捐赠, 财政奖补), item by item in date order, each household's or
/// donor's name as the line carries it and every text de-identified. Credits are money or labour raised,
/// debits its use or its transfer to 311 when the asset is formed.
/// </summary>
public sealed record DisclosureOneMatter(ImmutableArray<DisclosureLine> Items)
{
    public static readonly DisclosureOneMatter Empty = new([]);

    public const string Root = "231";

    public Amount RaisedTotal => Items.Aggregate(Amount.Zero, (sum, l) => sum + l.Credit);
    public Amount UsedTotal => Items.Aggregate(Amount.Zero, (sum, l) => sum + l.Debit);

    /// <param name="lines">The period's lines on 231 and its sub-accounts in date order (other accounts are a bug).</param>
    public static DisclosureOneMatter Compute(IEnumerable<DisclosureLine> lines) => new([.. lines.Select(l =>
    {
        Precondition.Require(l.AccountCode.StartsWith(Root, StringComparison.Ordinal), "一事一议 reads lines on 231 only");
        return l.Masked();
    })]);
}
