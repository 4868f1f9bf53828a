using CollectiveLedger.Core.Disclosure;

namespace CollectiveLedger.Reports.Disclosure;

/// <summary>The project notice's tables as rows of text, shared by the PDF and HTML renderers so they cannot differ.</summary>
public static class ProjectNoticeTables
{
    /// <summary>One row a field DOMAIN.md asks for: the label and what the fund's terms say.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Basics(ProjectNotice n, ProjectNoticeText t) =>
    [
        [t.ProjectName, n.Project],
        [t.Fund, $"{n.FundCode} {n.FundName}"],
        [t.Location, n.Location],
        [t.Tasks, n.Tasks],
        [t.Standard, n.Standard],
        [t.Source, t.SourceText(n)],
        [t.Granted, t.Common.Chinese ? $"{NoticeText.Money(n.Granted)}（{t.Common.Words(n.Granted)}）" : $"{NoticeText.Money(n.Granted)} ({t.Common.Words(n.Granted)})"],
        [t.Period, t.PeriodText(n)],
        [t.Implementer, n.Implementer],
        [t.Responsible, n.Responsible],
        [t.Targets, n.Targets],
        [t.Beneficiaries, n.Beneficiaries],
    ];

    public static IReadOnlyList<IReadOnlyList<string>> Money(ProjectNotice n, ProjectNoticeText t) =>
    [
        [t.Granted, NoticeText.Money(n.Granted)],
        [t.Received, NoticeText.Money(n.Received)],
        [t.Spent, NoticeText.Money(n.Spent)],
        [t.Balance, NoticeText.Money(n.Balance)],
    ];

    public static IReadOnlyList<string> MoneyWords(ProjectNotice n, ProjectNoticeText t) =>
    [
        $"{t.Spent}（{t.Common.InWords}）：{t.Common.Words(n.Spent)}",
        $"{t.Balance}（{t.Common.InWords}）：{t.Common.Words(n.Balance)}",
    ];

    public static IReadOnlyList<IReadOnlyList<string>> Payments(ProjectNotice n, ProjectNoticeText t) =>
        n.Payments.Select(p => (IReadOnlyList<string>)
        [
            p.Date.ToString("yyyy-MM-dd"), $"{p.Voucher.Period} {p.Voucher.NumberText}", p.Summary + (p.Reversal ? t.Common.ReversalMark : ""),
            p.ChargedTo, NoticeText.Money(p.Amount),
        ]).ToList();

    /// <summary>The lines of the posting and supervision section, before the signatures.</summary>
    public static IReadOnlyList<string> Supervision(ProjectNotice n, ProjectNoticeText t) =>
        [t.Posting(n), t.Common.ReviewLine(null), t.Common.Objection(n.Settings), t.Hotline];
}
