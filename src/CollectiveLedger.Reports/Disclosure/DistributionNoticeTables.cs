using System.Globalization;
using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>
/// The distribution notice (收益分配方案公示) of one year's plan as a <see cref="NoticeDocument"/>: the plan
/// and its words, each household, review, verification; the spreadsheet gets the household list.
/// </summary>
public static class DistributionNoticeTables
{
    private static readonly float[] HouseholdWeights = [1.2f, 1.5f, 1.3f, 0.8f, 1.4f];

    public static NoticeDocument Document(DistributionNotice n, bool chinese)
    {
        var t = new DistributionNoticeText(chinese);
        var c = t.Common;
        var households = new NoticeTable(
            [.. HouseholdHeaders(t).Select((h, i) => new NoticeColumn(h, HouseholdWeights[i], HouseholdNumeric[i]))], Households(n, t), TotalRowFrom: n.Households.Length);
        NoticeSection[] sections =
        [
            new(t.PlanCaption,
            [
                new NoticeTable([new(c.Item, 3f), new(c.Amount, 1.4f, Numeric: true)], NoticeTable.Cells(Plan(n, t))),
                .. PlanWords(n, t).Select(line => new NoticeParagraph(line, NoticeParagraphStyle.Emphasis)),
            ], KeepTogether: true),
            new(t.HouseholdsCaption, [households]),
            NoticeTables.Review(c, t.ReviewCaption, Review(n, t), n.Settings),
            NoticeTables.Verification(c, t.VerificationCaption, n.Verification),
        ];
        return new NoticeDocument(c, n.Org, t.Name(n), t.Meta(n), t.Heading(n), n.PublicationDate, sections, [new(t.HouseholdsCaption, households)]);
    }

    public static IReadOnlyList<IReadOnlyList<string>> Plan(DistributionNotice n, DistributionNoticeText t) =>
    [
        [t.Distributable, NoticeText.Money(n.Distributable)],
        [t.ReserveBase, NoticeText.Money(n.ReserveBase)],
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

    private static string[] HouseholdHeaders(DistributionNoticeText t) =>
        [t.Code, t.Household, t.Head, t.Shares, t.Common.Amount];

    private static readonly bool[] HouseholdNumeric = [false, false, false, true, true];

    /// <summary>
    /// One row a household, then the totals row (shares and amount). A public list shows the household,
    /// its shares and its amount only: no part of an ID card, bank account or phone number.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<NoticeCell>> Households(DistributionNotice n, DistributionNoticeText t) =>
    [
        .. n.Households.Select(h => (IReadOnlyList<NoticeCell>)
        [
            h.Member, h.Name, h.Head ?? "", h.Shares.ToString(CultureInfo.InvariantCulture), NoticeCell.Money(h.Amount),
        ]),
        [t.Total, "", "", n.TotalShares.ToString(CultureInfo.InvariantCulture), NoticeCell.Money(n.Distributed)],
    ];

    /// <summary>The lines of the review section, before the signatures.</summary>
    public static IReadOnlyList<string> Review(DistributionNotice n, DistributionNoticeText t) => [t.Common.ReviewLine(null, n.Settings), t.Common.Objection(n.Settings)];
}
