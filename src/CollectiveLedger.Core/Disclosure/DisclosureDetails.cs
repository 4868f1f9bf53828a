using CollectiveLedger.Core.Reporting;

namespace CollectiveLedger.Core.Disclosure;

/// <summary>
/// The parts of a notice an accounting review found missing (issue 11; review D4–D9): claims and
/// debts by the side their balances stand on, the asset overview from the books, the resource
/// inventory, fund balances net of what they still owe, cadre pay per person and the 一事一议 items.
/// Computed after <see cref="DisclosureNotice.Compute"/>, from the same trial balance and from the
/// notice's own register sections, so the two cannot disagree.
/// </summary>
public static class DisclosureDetails
{
    /// <param name="notice">The notice as <see cref="DisclosureNotice.Compute"/> made it.</param>
    /// <param name="tb">The trial balance of exactly the notice's months.</param>
    /// <param name="payLines">The months' lines on 212 应付工资 and its sub-accounts.</param>
    /// <param name="oneMatterLines">The months' lines on 231 一事一议资金 and its sub-accounts, in date order.</param>
    /// <param name="fundPayables">Payable balances per fund and account at the end of the months.</param>
    public static DisclosureNotice Add(DisclosureNotice notice, TrialBalance tb, IEnumerable<DisclosureLine> payLines,
        IEnumerable<DisclosureLine> oneMatterLines, IEnumerable<FundPayable> fundPayables)
    {
        Precondition.Require(tb.From == notice.Period.From && tb.To == notice.Period.To, "the trial balance covers the notice's months");
        return notice with
        {
            Claims = DisclosureClaims.Compute(tb),
            AssetOverview = DisclosureAssetOverview.Compute(tb, notice.Assets),
            Resources = DisclosureResources.Compute(notice.Contracts, notice.Period),
            FundBalances = DisclosureFundBalance.Compute(notice.Funds, fundPayables),
            CadrePay = DisclosureCadrePay.Compute(payLines),
            OneMatter = DisclosureOneMatter.Compute(oneMatterLines),
        };
    }
}
