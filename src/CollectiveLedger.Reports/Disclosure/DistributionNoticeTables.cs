using System.Globalization;
using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>The distribution notice's tables as rows of text, shared by the PDF, HTML and CSV renderers so they cannot differ.</summary>
public static class DistributionNoticeTables
{
    public static IReadOnlyList<IReadOnlyList<string>> Plan(DistributionNotice n, DistributionNoticeText t) =>
    [
        [t.Distributable, NoticeText.Money(n.Distributable)],
        [t.Reserve(n), NoticeText.Money(n.Reserve)],
        [t.ToShare, NoticeText.Money(n.ToShare)],
        [t.TotalShares, n.TotalShares.ToString(CultureInfo.InvariantCulture)],
        [t.PerShare, NoticeText.Money(n.PerShare)],
        [t.Distributed, NoticeText.Money(n.Distributed)],
        [t.Undistributed, NoticeText.Money(n.Undistributed)],
    ];

    /// <summary>The lines under the plan: totals in 大写金额, the per-share amount and the rounding rule in words, the resolution.</summary>
    public static IReadOnlyList<string> PlanWords(DistributionNotice n, DistributionNoticeText t) =>
    [
        $"{t.Distributable}（{t.Common.InWords}）：{t.Common.Words(n.Distributable)}",
        $"{t.Distributed}（{t.Common.InWords}）：{t.Common.Words(n.Distributed)}",
        t.PerShareInWords(n),
        t.Rounding,
        t.StatusLine(n),
    ];

    public static string[] HouseholdHeaders(DistributionNoticeText t) =>
        [t.Code, t.Household, t.Head, t.Shares, t.Common.Amount, t.IdCard, t.BankAccount, t.Phone];

    public static readonly bool[] HouseholdNumeric = [false, false, false, true, true, false, false, false];

    /// <summary>One row a household, then the totals row (shares and amount).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Households(DistributionNotice n, DistributionNoticeText t) =>
    [
        .. n.Households.Select(h => (IReadOnlyList<string>)
        [
            h.Member, h.Name, h.Head ?? "", h.Shares.ToString(CultureInfo.InvariantCulture), NoticeText.Money(h.Amount),
            h.IdCardMasked ?? "", h.BankAccountMasked ?? "", h.PhoneMasked ?? "",
        ]),
        [t.Total, "", "", n.TotalShares.ToString(CultureInfo.InvariantCulture), NoticeText.Money(n.Distributed), "", "", ""],
    ];

    /// <summary>The lines of the review section, before the signatures.</summary>
    public static IReadOnlyList<string> Review(DistributionNotice n, DistributionNoticeText t) => [t.Common.ReviewLine(null), t.Common.Objection(n.Settings)];
}
